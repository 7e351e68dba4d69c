// How many people a tab holds, and how many match a search: exact, from whichever source is cheaper for the term.
import type { Tab } from '../../../common/contract.ts';
import type { Db } from './open-database.ts';
import { countCandidates, likePattern, SEARCH_LIMITS, trigramMatch } from './people-search.ts';
import type { ListInput } from './people-sorted-rows.ts';
import { peopleWhere, tabValue } from './people-where.ts';

/** O(1): the counts table is kept by triggers on every write. */
export function tabCount(db: Db, tab: Tab): number {
  return db.prepare('SELECT people FROM user_tab_counts WHERE is_active = ?').pluck().get(tabValue(tab)) as number;
}

export function tabCounts(db: Db): { active: number; deactivated: number } {
  const rows = db.prepare<[], { is_active: number; people: number }>('SELECT is_active, people FROM user_tab_counts').all();
  const of = (v: number) => rows.find((row) => row.is_active === v)?.people ?? 0;
  return { active: of(1), deactivated: of(0) };
}

/** The number of people in a tab matching a search; exact, from whichever source is cheaper for the term. */
export function countPeople(db: Db, input: Pick<ListInput, 'tab' | 'query'>, limits = SEARCH_LIMITS): number {
  if (!input.query) return tabCount(db, input.tab);
  const pattern = likePattern(input.query);
  const match = trigramMatch(input.query, db);
  const where = peopleWhere(input.tab, pattern);
  if (match && countCandidates(db, match, limits.ftsCount) < limits.ftsCount) {
    return db
      .prepare(`SELECT COUNT(*) FROM users NOT INDEXED WHERE id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?) AND ${where.sql}`)
      .pluck()
      .get(match, ...where.params) as number;
  }
  // The name index carries every searched column, so this scan never reads the table.
  return db.prepare(`SELECT COUNT(*) FROM users INDEXED BY users_by_name WHERE ${where.sql}`).pluck().get(...where.params) as number;
}
