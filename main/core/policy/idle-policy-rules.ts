// The automatic deactivation policy's rules, as pure functions: whom it deactivates (as SQL over users) and when
// a run is due. "Idle" is the People filter's own condition (filterSql in people-where.ts), never written again here.
import { DAY_MS } from '../../../common/people-filter.ts';
import type { IdlePolicySettings } from '../../../common/idle-policy.ts';
import { filterSql, viewWhere, type PeopleWhere, type WhereValue } from '../db/people-where.ts';

/** The policy runs at most once a day. */
export const RUN_EVERY_MS = DAY_MS;

/** The Active tab filtered by "No sign-in for N days", judged at `now`: what the People list shows for that filter. */
export const idleView = (days: number) => ({ tab: 'active' as const, query: '', filter: { kind: 'noSignInFor' as const, days } });

/**
 * Whom the policy deactivates at `now`: active people the idle filter matches, admins never (an idle admin is a
 * question for a person, not for a timer). Already deactivated people are outside the Active tab, so untouched.
 * Nor anyone an admin has just given a way in, which does not move their idle date: a pending invite (the filter's
 * own rule) or a temporary password still good. Deactivating them would void what was just sent.
 */
export function policyWhere(days: number, now: number): PeopleWhere {
  const idle = viewWhere(idleView(days), now);
  const invited = filterSql({ kind: 'invitePending' }, now);
  return {
    sql: `${idle.sql} AND role = 'user' AND NOT (${invited.sql}) AND NOT (${TEMPORARY_PASSWORD_GOOD})`,
    params: [...idle.params, ...invited.params, now],
  };
}

/**
 * The idle users policyWhere spares because an admin just gave them a way in, as two counts through the small
 * partial indexes (a pending invite; a temporary password still good), for the preview's count. Disjoint: an invitee
 * has no password at all.
 */
export function sparedCounts(days: number, now: number): { sql: string; params: WhereValue[] }[] {
  const idle = viewWhere(idleView(days), now);
  const invited = filterSql({ kind: 'invitePending' }, now);
  return [
    { sql: `SELECT COUNT(*) FROM users INDEXED BY users_invited WHERE ${idle.sql} AND role = 'user' AND ${invited.sql}`, params: [...idle.params, ...invited.params] },
    { sql: `SELECT COUNT(*) FROM users INDEXED BY users_temporary WHERE ${idle.sql} AND role = 'user' AND password_hash IS NOT NULL AND ${TEMPORARY_PASSWORD_GOOD}`, params: [...idle.params, now] },
  ];
}

/** A temporary password that still signs in (auth/temporary-password.ts: it expires at temporary_password_expires_at). */
const TEMPORARY_PASSWORD_GOOD = 'must_change_password = 1 AND IFNULL(temporary_password_expires_at, 0) > ?';

/** The idle admins the policy leaves alone, for the preview: the same idle condition, admins only. */
export function idleAdminsWhere(days: number, now: number): PeopleWhere {
  const idle = viewWhere(idleView(days), now);
  return { sql: `${idle.sql} AND role = 'admin'`, params: idle.params };
}

/**
 * Whether a run is due at `now`. On: first run, a day after the last, or at once when the last run is dated after
 * `now` (the clock was set back: waiting for that date could mean never running again). A clock set forward runs
 * once, not once per missed day: the people judged are the same whatever the number of days skipped.
 */
export function policyRunDue(settings: IdlePolicySettings, lastRunAt: number | null, now: number): boolean {
  if (!settings.enabled) return false;
  if (lastRunAt === null || lastRunAt > now) return true;
  return now - lastRunAt >= RUN_EVERY_MS;
}

/** When the next run is due (ms), while on: the moment policyRunDue turns true, or now when it already is. */
export function nextRunAt(settings: IdlePolicySettings, lastRunAt: number | null, now: number): number | null {
  if (!settings.enabled) return null;
  return policyRunDue(settings, lastRunAt, now) ? now : (lastRunAt as number) + RUN_EVERY_MS;
}
