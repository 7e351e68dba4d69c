// Error codes are values created in main and carried unchanged to the renderer, which words them in one place.
export const ERROR_CODES = [
  'VALIDATION', // input failed the contract's schema (field says which)
  'BAD_REQUEST', // payload not parseable at all
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED', // no session, or it ended (sign-out, deactivation, role or password change)
  'FORBIDDEN', // signed in, but not allowed (non-admin calling an admin method)
  'PASSWORD_CHANGE_REQUIRED', // must choose a new password before anything else
  'ALREADY_SET_UP', // first admin exists
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'PASSWORD_EXPIRED', // a temporary password past its expiry: an admin must hand out a new one
  'THROTTLED',
  'WEAK_PASSWORD',
  'EMAIL_TAKEN',
  'NOT_FOUND',
  'CONFLICT', // the record changed since the caller saw it
  'LAST_ADMIN',
  'SELF_ACTION',
  'INVALID_CODE',
  'EMAIL_NOT_CONFIGURED',
  'SMTP_CONNECTION',
  'SMTP_AUTH',
  'SMTP_TLS',
  'SMTP_TIMEOUT',
  'SMTP_FAILED',
  'BUSY', // a backup, restore or import is already running (or an import's transaction holds the database)
  'PATH_INVALID', // a folder or file path that does not exist, is the wrong kind, or cannot be written/read
  'NOT_A_ROSTER_DATABASE',
  'BACKUP_TOO_NEW', // written by a newer Roster (higher schema version)
  'BACKUP_DAMAGED', // failed the integrity check
  'BACKUP_NO_ADMIN', // restoring it would leave nobody able to manage Roster
  'BACKUP_FAILED',
  'NOT_SUPPORTED', // e.g. the system file picker in browser mode
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RosterError {
  code: ErrorCode;
  message: string;
  /** The form field the error belongs to, when there is one. */
  field?: string;
  /** For THROTTLED: how long to wait. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RosterError };
