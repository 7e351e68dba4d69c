// The password policy main enforces: length (shared with the forms) plus a shipped list of common passwords.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { newPasswordField } from '../../../common/rules.ts';
import { AppError } from '../errors.ts';

let commonPasswords: Set<string> | null = null;

/** The common-password list shipped with the app (zxcvbn-ts's, ~49,000 entries), loaded on first use. */
export function commonPasswordList(): Set<string> {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords;
}

let estimator: ZxcvbnFactory | null = null;

/** zxcvbn's guessability score (0–4) with the same shipped dictionaries; it catches patterns a list cannot. */
export function guessabilityScore(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs).score;
}

export interface PolicyContext {
  email?: string;
  firstName?: string;
  lastName?: string;
}

/** Throws WEAK_PASSWORD (on `field`) when the password breaks the policy. No composition rules, by design. */
export function assertAcceptablePassword(password: string, context: PolicyContext = {}, field = 'newPassword'): void {
  const parsed = newPasswordField.safeParse(password);
  if (!parsed.success) throw new AppError('WEAK_PASSWORD', parsed.error.issues[0]!.message, { field });
  const lower = password.toLowerCase();
  if (commonPasswordList().has(lower)) {
    throw new AppError('WEAK_PASSWORD', 'This password is on a list of commonly used passwords. Choose another.', {
      field,
    });
  }
  const personal = [context.email, context.email?.split('@')[0]].filter((v): v is string => !!v && v.length >= 4);
  if (personal.some((p) => lower === p.toLowerCase())) {
    throw new AppError('WEAK_PASSWORD', 'Your password cannot be your email address.', { field });
  }
  const inputs = [context.email, context.firstName, context.lastName].filter((v): v is string => !!v);
  if (guessabilityScore(password, inputs) < 2) {
    throw new AppError(
      'WEAK_PASSWORD',
      'This password is too easy to guess (repeats, sequences, keyboard patterns or common words). Try a few unrelated words.',
      { field },
    );
  }
}
