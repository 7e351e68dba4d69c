// Field rules shared by the forms in the renderer and the validation in main, so an error reads the same from either.
import { z } from 'zod';

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt only reads the first 72 bytes; longer passwords are refused rather than silently truncated. */
export const PASSWORD_MAX_BYTES = 72;
export const PAGE_SIZES = [25, 50, 100] as const;
/** The People search box takes at most this many characters; main refuses more. */
export const SEARCH_MAX_LENGTH = 200;

// Control characters (including CR/LF) never belong in a name; they would also allow email header injection.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export const nameField = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(NAME_MAX, `${label} must be at most ${NAME_MAX} characters.`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} cannot contain line breaks or control characters.`);

/** Emails are the sign-in identifier: trimmed, compared case-insensitively, stored lowercased. */
export const emailField = z
  .string()
  .trim()
  .min(1, 'Email is required.')
  .max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters.`)
  .pipe(z.email('Enter a valid email address.'))
  .transform((v) => v.toLowerCase());

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Length rules only; the common-password check lives in main, which ships the list. */
export const newPasswordField = z
  .string()
  .max(1000, `Passwords can be at most ${PASSWORD_MAX_BYTES} bytes long.`)
  .refine((v) => v.length >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine(
    (v) => utf8Length(v) <= PASSWORD_MAX_BYTES,
    `Passwords can be at most ${PASSWORD_MAX_BYTES} bytes long (bcrypt ignores anything beyond that).`,
  );

/** A password being checked (sign-in, current password): only bounded, never policy-checked. */
export const passwordInput = z.string().min(1, 'Password is required.').max(1000, 'Password is too long.');

export const idField = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One-time codes: 10 Crockford base32 characters, typed with or without the dash and in any case. */
export const codeField = z
  .string()
  .trim()
  .max(40, 'That code is not valid.')
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .refine((v) => /^[0-9A-HJKMNP-TV-Z]{10}$/.test(v), 'Codes are 10 letters and digits, like ABCDE-12345.');
