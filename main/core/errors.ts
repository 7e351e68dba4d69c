// AppError carries a contract error code from where a rule is broken (a service) to the dispatcher unchanged.
import type { ErrorCode, RosterError } from '../../common/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  toJSON(): RosterError {
    const error: RosterError = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    return error;
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'That person no longer exists. The list has been refreshed.');

/** Add, Edit and the invite path find an address taken with the same words, on the same field. */
export const emailTaken = () => new AppError('EMAIL_TAKEN', 'Email address already in use.', { field: 'email' });
