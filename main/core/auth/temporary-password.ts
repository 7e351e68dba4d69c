// Temporary passwords (Add or Reset without email, or when email fails): one home for what setting one means,
// so every path gives it the same expiry. A temporary password left unused is a standing way into the account.
import type { Delivery } from '../../../common/contract.ts';
import type { UserRow } from '../db/users-repo.ts';

export const TEMPORARY_PASSWORD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The user columns for "this person now holds a temporary password with this hash". */
export function temporaryPasswordFields(hash: string, now: number): Pick<UserRow, 'password_hash' | 'must_change_password' | 'temporary_password_expires_at'> {
  return { password_hash: hash, must_change_password: 1, temporary_password_expires_at: now + TEMPORARY_PASSWORD_LIFETIME_MS };
}

/** The user columns for "this person chose their own password". */
export function chosenPasswordFields(hash: string): Pick<UserRow, 'password_hash' | 'must_change_password' | 'temporary_password_expires_at'> {
  return { password_hash: hash, must_change_password: 0, temporary_password_expires_at: null };
}

export function isExpiredTemporaryPassword(user: Pick<UserRow, 'must_change_password' | 'temporary_password_expires_at'>, now: number): boolean {
  return user.must_change_password === 1 && user.temporary_password_expires_at !== null && user.temporary_password_expires_at <= now;
}

/** What the admin is shown, once: the password and when it stops working. */
export function temporaryDelivery(password: string, row: Pick<UserRow, 'temporary_password_expires_at'>, emailError?: string): Delivery {
  const expiresAt = new Date(row.temporary_password_expires_at ?? 0).toISOString();
  return emailError === undefined
    ? { kind: 'temporaryPassword', temporaryPassword: password, expiresAt }
    : { kind: 'temporaryPassword', temporaryPassword: password, expiresAt, emailError };
}
