// The People filters as SQL: each filter's condition on a users row, and the index that leads straight to its
// people. The list, its counts and the CSV export all take their filter from here (people-sorted-rows.ts,
// people-counts.ts), so "Locked out" means the same in each of them.
import { DAY_MS, type PeopleFilter } from '../../../common/people-filter.ts';
import type { Db } from './open-database.ts';

type Value = string | number;

export interface FilterSql {
  /** The condition on a users row (column names bare), with its parameters. */
  where: string;
  params: Value[];
  /**
   * FROM clause that reaches the filter's people through its own index, for a filter with few people. The partial
   * indexes carry every sort column (migration 5), so sorting them reads no table row.
   */
  source: string;
}

// An invite code that still works: unused, not locked by wrong guesses, not expired (see one_time_codes_live_invites).
const LIVE_INVITE = `SELECT user_id FROM one_time_codes WHERE purpose = 'invite' AND used_at IS NULL AND locked_at IS NULL AND expires_at > ?`;

/** The SQL of a filter at `now` (idle days, expiries and locks are relative to it). */
export function filterSql(filter: PeopleFilter, now: number): FilterSql {
  switch (filter.kind) {
    case 'neverSignedIn':
      return { where: 'last_login_sort = 0', params: [], source: 'users INDEXED BY users_by_last_login' };
    case 'noSignInFor':
      return { where: 'idle_since < ?', params: [now - filter.days * DAY_MS], source: 'users INDEXED BY users_by_idle_since' };
    case 'invitePending':
      return { where: `password_hash IS NULL AND id IN (${LIVE_INVITE})`, params: [now], source: 'users INDEXED BY users_invited' };
    case 'inviteExpired':
      return { where: `password_hash IS NULL AND id NOT IN (${LIVE_INVITE})`, params: [now], source: 'users INDEXED BY users_invited' };
    case 'temporaryPassword':
      return { where: 'must_change_password = 1', params: [], source: 'users INDEXED BY users_temporary' };
    case 'lockedOut':
      return { where: 'locked_until > ?', params: [now], source: 'users INDEXED BY users_locked' };
    case 'admins':
      return { where: "role = 'admin'", params: [], source: 'users INDEXED BY users_admins' };
  }
}

/**
 * How many people of a tab the filter reaches through its own index, stopping at `limit`. Below the limit, reading
 * them all and sorting is cheaper than walking the sort index in order and testing each row.
 */
export function countFiltered(db: Db, isActive: number, filter: FilterSql, limit: number): number {
  return db
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${filter.source} WHERE is_active = ? AND ${filter.where} LIMIT ?)`)
    .pluck()
    .get(isActive, ...filter.params, limit) as number;
}
