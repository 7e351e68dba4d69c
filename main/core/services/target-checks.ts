// The checks an admin's action makes on the person it acts on. Each is run on a fresh read inside the action's
// transaction (and may be run early too, to refuse before a slow hash).
import { fullName, statusOf, type UserRow } from '../db/users-repo.ts';
import { AppError, notFound } from '../errors.ts';

export const deactivatedConflict = (target: UserRow) => new AppError('CONFLICT', `${fullName(target)} is deactivated. Reactivate them first.`);

/** Someone with a pending invite (active, no password yet): the only people an invite can be resent to or revoked. */
export function invitedTarget(target: UserRow | undefined): UserRow {
  if (!target) throw notFound();
  const status = statusOf(target);
  if (status === 'deactivated') throw deactivatedConflict(target);
  if (status !== 'invited') throw new AppError('CONFLICT', `${fullName(target)} has already accepted the invite and set a password.`);
  return target;
}

/** Someone whose password an admin may reset: anyone active but the admin themself. */
export function resettableTarget(target: UserRow | undefined, actor: UserRow): UserRow {
  if (!target) throw notFound();
  if (target.id === actor.id) {
    throw new AppError('SELF_ACTION', 'To change your own password, use Change password on your account page.');
  }
  if (!target.is_active) throw deactivatedConflict(target);
  return target;
}
