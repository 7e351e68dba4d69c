// The People filter as the contract checks it (see people-filter.ts for its shape, names and keys).
import { z } from 'zod';
import { IDLE_DAYS_MAX, type PeopleFilter } from './people-filter.ts';

export const idleDaysField = z
  .number()
  .int('Enter a whole number of days.')
  .min(1, 'At least 1 day.')
  .max(IDLE_DAYS_MAX, `At most ${IDLE_DAYS_MAX} days (10 years).`);

export const peopleFilter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('neverSignedIn') }).strict(),
  z.object({ kind: z.literal('noSignInFor'), days: idleDaysField }).strict(),
  z.object({ kind: z.literal('invitePending') }).strict(),
  z.object({ kind: z.literal('inviteExpired') }).strict(),
  z.object({ kind: z.literal('temporaryPassword') }).strict(),
  z.object({ kind: z.literal('lockedOut') }).strict(),
  z.object({ kind: z.literal('admins') }).strict(),
]) satisfies z.ZodType<PeopleFilter>;
