// The People list's filters ("Never signed in", "No sign-in for 90 days", "Locked out" …): one schema, shared by
// the list, its counts, the CSV export of the view and (through that view) bulk actions. Main builds their SQL
// (main/core/db/people-where.ts); the renderer words them here, so a filter reads the same everywhere.
import { z } from 'zod';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The idle presets the filter menu offers; any other whole number of days is a custom filter. */
export const IDLE_PRESETS = [30, 90, 180] as const;
export const IDLE_DAYS_MAX = 3650;

export const idleDaysField = z
  .number()
  .int('Enter a whole number of days.')
  .min(1, 'At least 1 day.')
  .max(IDLE_DAYS_MAX, `At most ${IDLE_DAYS_MAX} days (10 years).`);

export const peopleFilter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('neverSignedIn') }).strict(),
  /** Their last sign-in, or (never signed in) their account's creation, is more than `days` days ago. */
  z.object({ kind: z.literal('noSignInFor'), days: idleDaysField }).strict(),
  /** Invited, with an invite code that still works. */
  z.object({ kind: z.literal('invitePending') }).strict(),
  /** Invited, with no invite code that still works (expired, locked by wrong guesses, or none). */
  z.object({ kind: z.literal('inviteExpired') }).strict(),
  z.object({ kind: z.literal('temporaryPassword') }).strict(),
  /** Sign-ins for their address are being held back by the throttle right now. */
  z.object({ kind: z.literal('lockedOut') }).strict(),
  z.object({ kind: z.literal('admins') }).strict(),
]);
export type PeopleFilter = z.infer<typeof peopleFilter>;
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
