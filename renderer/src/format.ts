// How dates read in the UI.
import type { Role } from '../../common/contract.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatLastLogin(iso: string | null): string {
  return iso === null ? 'Never' : dateTime.format(new Date(iso));
}

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** A person holding a temporary password that no longer signs in: the admin must hand out a new one. */
export const temporaryPasswordExpired = (p: { temporaryPasswordExpiresAt: string | null }, now = Date.now()) =>
  p.temporaryPasswordExpiresAt !== null && Date.parse(p.temporaryPasswordExpiresAt) <= now;

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export const roleLabel = (role: Role) => (role === 'admin' ? 'Admin' : 'User');

// With seconds: two backups a minute apart must not read the same.
const preciseTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
export const formatPreciseTime = (iso: string) => preciseTime.format(new Date(iso));

const megabytes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
export const formatSize = (bytes: number) => (bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${megabytes.format(bytes / 1e6)} MB`);

/** A person whose sign-ins the throttle is holding back right now. */
export const isLocked = (p: { lockedUntil: string | null }, now = Date.now()) => p.lockedUntil !== null && Date.parse(p.lockedUntil) > now;

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
/** When a lock lifts: the time alone when it is today (locks last minutes to hours), else date and time. */
export function formatLockLifts(iso: string, now = Date.now()): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(now).toDateString() ? timeOnly.format(at) : dateTime.format(at);
}
