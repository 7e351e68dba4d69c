// Which people a view of the People list holds, as ONE SQL condition: its tab, its search and its filter ("Never
// signed in", "Locked out" …). The list's pages, its counts, the CSV export and the bulk actions' "all matching" all
// build their WHERE here, so a person is acted on exactly when the list would show them.
import type { Tab } from '../../../common/contract.ts';
import { DAY_MS, type PeopleFilter } from '../../../common/people-filter.ts';
import { LIKE_FILTER, likePattern } from './people-search.ts';

export type WhereValue = string | number;

export interface PeopleWhere {
  /** A condition on the users table (no leading AND), its placeholders filled by `params` in order. */
  sql: string;
  params: WhereValue[];
}

export interface FilterSql extends PeopleWhere {
  /**
   * FROM clause that reaches the filter's people through its own index, for a filter with few people. The partial
   * indexes carry every sort column (migration 6), so sorting them reads no table row.
   */
  source: string;
}

export const tabValue = (tab: Tab) => (tab === 'active' ? 1 : 0);

/** A People filter's condition at `now` (idle days, expiries and locks are relative to it), and its own index. */
export function filterSql(filter: PeopleFilter, now: number): FilterSql {
  switch (filter.kind) {
    case 'neverSignedIn':
      return { sql: 'last_login_sort = 0', params: [], source: 'users INDEXED BY users_by_last_login' };
    case 'noSignInFor':
      return { sql: 'idle_since < ?', params: [now - filter.days * DAY_MS], source: 'users INDEXED BY users_by_idle_since' };
    case 'invitePending':
      // invite_expires_at: when their last unused, unlocked invite code expires (kept by triggers, migration 7). Read
      // through IFNULL so neither condition is ever NULL: the idle policy spares people by NOT (invite pending).
      return { sql: 'password_hash IS NULL AND IFNULL(invite_expires_at, 0) > ?', params: [now], source: 'users INDEXED BY users_invited' };
    case 'inviteExpired':
      return { sql: 'password_hash IS NULL AND IFNULL(invite_expires_at, 0) <= ?', params: [now], source: 'users INDEXED BY users_invited' };
    case 'temporaryPassword':
      return { sql: 'must_change_password = 1', params: [], source: 'users INDEXED BY users_temporary' };
    case 'lockedOut':
      return { sql: 'locked_until > ?', params: [now], source: 'users INDEXED BY users_locked' };
    case 'admins':
      return { sql: "role = 'admin'", params: [], source: 'users INDEXED BY users_admins' };
  }
}

/** The tab, a search's LIKE pattern when there is one (already escaped: see likePattern), and a filter's condition. */
export function peopleWhere(tab: Tab, pattern: string | null, filter?: PeopleWhere): PeopleWhere {
  let sql = 'is_active = ?';
  const params: WhereValue[] = [tabValue(tab)];
  if (pattern) {
    sql += ` AND ${LIKE_FILTER}`;
    params.push(pattern, pattern, pattern);
  }
  if (filter) {
    sql += ` AND ${filter.sql}`;
    params.push(...filter.params);
  }
  return { sql, params };
}

/** The condition for a view as the renderer describes it (tab, the search as typed, the filter), judged at `now`. */
export function viewWhere(view: { tab: Tab; query: string; filter?: PeopleFilter | null }, now: number): PeopleWhere {
  return peopleWhere(view.tab, view.query ? likePattern(view.query) : null, view.filter ? filterSql(view.filter, now) : undefined);
}
