// The People list's filters ("Never signed in", "No sign-in for 90 days", "Locked out" …): their shape, names and
// keys, shared by the list, its counts, the CSV export of the view and (through that view) bulk actions. Main builds
// their SQL (main/core/db/people-where.ts); the contract checks them with people-filter-schema.ts. This file has no
// zod on purpose: the Activity export's worker threads word entries with filterLabel, and zod would add ~7 MB to each
// worker's heap.
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The idle presets the filter menu offers; any other whole number of days is a custom filter. */
export const IDLE_PRESETS = [30, 90, 180] as const;
export const IDLE_DAYS_MAX = 3650;

export type PeopleFilter =
  | { kind: 'neverSignedIn' }
  /** Their last sign-in, or (never signed in) their account's creation, is more than `days` days ago. */
  | { kind: 'noSignInFor'; days: number }
  /** Invited, with an invite code that still works. */
  | { kind: 'invitePending' }
  /** Invited, with no invite code that still works (expired, locked by wrong guesses, or none). */
  | { kind: 'inviteExpired' }
  | { kind: 'temporaryPassword' }
  /** Sign-ins for their address are being held back by the throttle right now. */
  | { kind: 'lockedOut' }
  | { kind: 'admins' };
export type FilterKind = PeopleFilter['kind'];

/** Every filter the menu lists, presets expanded, in menu order (a custom idle filter is added when chosen). */
export const MENU_FILTERS: PeopleFilter[] = [
  { kind: 'neverSignedIn' },
  ...IDLE_PRESETS.map((days): PeopleFilter => ({ kind: 'noSignInFor', days })),
  { kind: 'invitePending' },
  { kind: 'inviteExpired' },
  { kind: 'temporaryPassword' },
  { kind: 'lockedOut' },
  { kind: 'admins' },
];

export function filterLabel(filter: PeopleFilter): string {
  switch (filter.kind) {
    case 'neverSignedIn':
      return 'Never signed in';
    case 'noSignInFor':
      return `No sign-in for ${filter.days} day${filter.days === 1 ? '' : 's'}`;
    case 'invitePending':
      return 'Invite pending';
    case 'inviteExpired':
      return 'Invite expired';
    case 'temporaryPassword':
      return 'Temporary password not yet changed';
    case 'lockedOut':
      return 'Locked out';
    case 'admins':
      return 'Admins';
  }
}

/** A stable key per filter (menu values, count maps): "noSignInFor:90". */
export function filterKey(filter: PeopleFilter | null | undefined): string {
  if (!filter) return 'all';
  return filter.kind === 'noSignInFor' ? `${filter.kind}:${filter.days}` : filter.kind;
}

/** A filter as stored in an audit entry's details (written by Roster, read back as untrusted), or null if it is not one. */
export function storedFilter(value: unknown): PeopleFilter | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { kind, days, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (kind === 'noSignInFor') {
    return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= IDLE_DAYS_MAX ? { kind, days } : null;
  }
  const known = days === undefined ? MENU_FILTERS.find((f) => f.kind === kind) : undefined;
  return known ? { ...known } : null;
}
