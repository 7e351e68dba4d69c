// Random secrets Roster hands out (session tokens, temporary passwords, one-time codes) and how they are hashed.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Session tokens and one-time codes are stored only as this hash. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

// No 0/O, 1/l/I: temporary passwords are read aloud or copied by hand.
const TEMP_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TEMPORARY_PASSWORD_LENGTH = 20; // ~116 bits

export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++) out += TEMP_ALPHABET.charAt(randomInt(TEMP_ALPHABET.length));
  return out;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time code: 10 Crockford base32 characters (50 bits), shown as ABCDE-12345. */
export function oneTimeCode(): { display: string; normalized: string } {
  let normalized = '';
  for (let i = 0; i < 10; i++) normalized += CROCKFORD.charAt(randomInt(32));
  return { display: `${normalized.slice(0, 5)}-${normalized.slice(5)}`, normalized };
}
