// How many people a tab holds, and how many match a search and a filter: exact, from whichever source is cheaper.
import type { Tab } from '../../../common/contract.ts';
import type { Db } from './open-database.ts';
import { countCandidates, countFiltered, likePattern, SEARCH_LIMITS, trigramMatch } from './people-search.ts';
import type { ListInput } from './people-sorted-rows.ts';
import { filterSql, peopleWhere, tabValue, type FilterSql } from './people-where.ts';

/** O(1): the counts table is kept by triggers on every write. */
export function tabCount(db: Db, tab: Tab): number {
  return db.prepare('SELECT people FROM user_tab_counts WHERE is_active = ?').pluck().get(tabValue(tab)) as number;
}

export function tabCounts(db: Db): { active: number; deactivated: number } {
  const rows = db.prepare<[], { is_active: number; people: number }>('SELECT is_active, people FROM user_tab_counts').all();
  const of = (v: number) => rows.find((row) => row.is_active === v)?.people ?? 0;
  return { active: of(1), deactivated: of(0) };
}

const count = (db: Db, sql: string, params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

/** The number of people in a tab matching a search and a filter (judged at `now`); exact, from whichever source is cheaper. */
export function countPeople(db: Db, input: Pick<ListInput, 'tab' | 'query' | 'filter'>, now: number, limits = SEARCH_LIMITS): number {
  if (input.filter) return countFilteredPeople(db, input, filterSql(input.filter, now), limits);
  if (!input.query) return tabCount(db, input.tab);
  const pattern = likePattern(input.query);
  const match = trigramMatch(input.query, db);
  const where = peopleWhere(input.tab, pattern);
  if (match && countCandidates(db, match, limits.ftsCount) < limits.ftsCount) {
    return count(db, `SELECT COUNT(*) FROM users NOT INDEXED WHERE id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?) AND ${where.sql}`, [match, ...where.params]);
  }
  // The name index carries every searched column, so this scan never reads the table.
  return count(db, `SELECT COUNT(*) FROM users INDEXED BY users_by_name WHERE ${where.sql}`, where.params);
}

/**
 * A filter's count: its own index alone without a search; with one, the smaller of the search's candidates and
 * the filter's people, each re-checked with the other's condition.
 */
function countFilteredPeople(db: Db, input: Pick<ListInput, 'tab' | 'query'>, filter: FilterSql, limits: typeof SEARCH_LIMITS): number {
  if (!input.query) {
    const where = peopleWhere(input.tab, null, filter);
    return count(db, `SELECT COUNT(*) FROM ${filter.source} WHERE ${where.sql}`, where.params);
  }
  const where = peopleWhere(input.tab, likePattern(input.query), filter);
  const match = trigramMatch(input.query, db);
  if (match !== null && countCandidates(db, match, limits.ftsCount) < limits.ftsCount) {
    return count(db, `SELECT COUNT(*) FROM users NOT INDEXED WHERE id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?) AND ${where.sql}`, [match, ...where.params]);
  }
  const source = countFiltered(db, tabValue(input.tab), filter, limits.ftsCount) < limits.ftsCount ? filter.source : 'users INDEXED BY users_by_name';
  return count(db, `SELECT COUNT(*) FROM ${source} WHERE ${where.sql}`, where.params);
}
