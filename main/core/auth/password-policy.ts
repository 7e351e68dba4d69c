// The password policy main enforces: length (shared with the forms) plus a shipped list of common passwords.
import { newPasswordField } from '../../../common/rules.ts';
import { AppError } from '../errors.ts';

interface Checker {
  common: Set<string>;
  score: (password: string, userInputs: string[]) => number;
}

let checker: Promise<Checker> | null = null;

/**
 * The common-password list shipped with the app (zxcvbn-ts's, ~49,000 entries) and zxcvbn's guessability score
 * with the same dictionaries, which catches patterns a list cannot. Loaded on first use (~100 ms), not at start.
 */
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, language]) => {
    const estimator = new core.ZxcvbnFactory({ dictionary: { ...language.dictionary }, graphs: language.adjacencyGraphs });
    return {
      common: new Set(language.dictionary['passwords-common'].map((p) => p.toLowerCase())),
      score: (password, userInputs) => estimator.check(password, userInputs).score,
    };
  });
  return checker;
}

export async function commonPasswordList(): Promise<Set<string>> {
  return (await loadChecker()).common;
}

export interface PolicyContext {
  email?: string;
  firstName?: string;
  lastName?: string;
}

/** Throws WEAK_PASSWORD (on `field`) when the password breaks the policy. No composition rules, by design. */
export async function assertAcceptablePassword(password: string, context: PolicyContext = {}, field = 'newPassword'): Promise<void> {
  const parsed = newPasswordField.safeParse(password);
  if (!parsed.success) throw new AppError('WEAK_PASSWORD', parsed.error.issues[0]?.message ?? 'This password is not allowed.', { field });
  const lower = password.toLowerCase();
  const { common, score } = await loadChecker();
  if (common.has(lower)) {
    throw new AppError('WEAK_PASSWORD', 'This password is on a list of commonly used passwords. Choose another.', {
      field,
    });
  }
  const personal = [context.email, context.email?.split('@')[0]].filter((v): v is string => !!v && v.length >= 4);
  if (personal.some((p) => lower === p.toLowerCase())) {
    throw new AppError('WEAK_PASSWORD', 'Your password cannot be your email address.', { field });
  }
  const inputs = [context.email, context.firstName, context.lastName].filter((v): v is string => !!v);
  if (score(password, inputs) < 2) {
    throw new AppError(
      'WEAK_PASSWORD',
      'This password is too easy to guess (repeats, sequences, keyboard patterns or common words). Try a few unrelated words.',
      { field },
    );
  }
}
