// How many people a tab holds, and how many match a search and a filter: exact, from whichever source is cheaper.
// A count that must read much (a common term's scan, many search candidates) is cut into slices, so main can give
// its event loop a turn between them (countPeopleYielding) rather than stall for a hundred milliseconds at 1M.
import type { Tab } from '../../../common/contract.ts';
import type { Db } from './open-database.ts';
import { countCandidates, countFiltered, likePattern, SEARCH_LIMITS, trigramMatch } from './people-search.ts';
import { SORTS, type ListInput } from './people-sorted-rows.ts';
import { filterSql, peopleWhere, tabValue, type PeopleWhere } from './people-where.ts';

/** O(1): the counts table is kept by triggers on every write. */
export function tabCount(db: Db, tab: Tab): number {
  return db.prepare('SELECT people FROM user_tab_counts WHERE is_active = ?').pluck().get(tabValue(tab)) as number;
}

export function tabCounts(db: Db): { active: number; deactivated: number } {
  const rows = db.prepare<[], { is_active: number; people: number }>('SELECT is_active, people FROM user_tab_counts').all();
  const of = (v: number) => rows.find((row) => row.is_active === v)?.people ?? 0;
  return { active: of(1), deactivated: of(0) };
}

/**
 * How much one slice reads: index entries of a scan (~10 ms of LIKE at 1M, ~25 ms from a cold cache), or the span
 * of ids whose search candidates it re-checks (~3 µs each: a common trigram's ~4,000 per 50,000 ids). Tests shrink
 * both to reach the slices' edges on a small table.
 */
export const COUNT_SLICE = { entries: 50_000, ids: 50_000 };

/** A count as steps: each `yield` is a point between two slices; the generator's return value is the count. */
type CountSteps = Generator<void, number, void>;
type Input = Pick<ListInput, 'tab' | 'query' | 'filter'>;

const count = (db: Db, sql: string, params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

/** The number of people in a tab matching a search and a filter (judged at `now`); exact, from whichever source is cheaper. */
export function countPeople(db: Db, input: Input, now: number, limits = SEARCH_LIMITS, slice = COUNT_SLICE): number {
  const steps = countSteps(db, input, now, limits, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * countPeople for main's event loop: a turn between slices. People changed meanwhile may be counted as they were
 * or as they are: a count shown beside a list that can change under it anyway.
 */
export async function countPeopleYielding(db: Db, input: Input, now: number, limits = SEARCH_LIMITS, slice = COUNT_SLICE): Promise<number> {
  const steps = countSteps(db, input, now, limits, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function* countSteps(db: Db, input: Input, now: number, limits: typeof SEARCH_LIMITS, slice: typeof COUNT_SLICE): CountSteps {
  const filter = input.filter ? filterSql(input.filter, now) : undefined;
  if (!input.query) {
    if (!filter) return tabCount(db, input.tab);
    // A filter alone: its own index (few people) or a range of it (the idle filter).
    const where = peopleWhere(input.tab, null, filter);
    return count(db, `SELECT COUNT(*) FROM ${filter.source} WHERE ${where.sql}`, where.params);
  }
  const where = peopleWhere(input.tab, likePattern(input.query), filter);
  const match = trigramMatch(input.query, db);
  if (match !== null && countCandidates(db, match, limits.ftsCount) < limits.ftsCount) return yield* candidatesCount(db, match, where, slice.ids);
  // A filter with fewer people than the search's candidates: its own index, re-checked with the search.
  if (filter && countFiltered(db, tabValue(input.tab), filter, limits.ftsCount) < limits.ftsCount) {
    return count(db, `SELECT COUNT(*) FROM ${filter.source} WHERE ${where.sql}`, where.params);
  }
  // The name index carries every searched column, so this scan never reads the table (but for a filter's own terms).
  return yield* nameIndexCount(db, where, slice.entries);
}

/** The search's trigram candidates re-checked with the whole condition, a span of ids at a time. */
function* candidatesCount(db: Db, match: string, where: PeopleWhere, span: number): CountSteps {
  const maxId = (db.prepare('SELECT MAX(id) FROM users').pluck().get() as number | null) ?? 0;
  const stmt = db.prepare(
    `SELECT COUNT(*) FROM users NOT INDEXED WHERE id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ? AND rowid >= ? AND rowid < ?) AND ${where.sql}`,
  );
  let total = 0;
  for (let from = 0; from <= maxId; from += span) {
    if (from > 0) yield;
    total += stmt.pluck().get(match, from, from + span, ...where.params) as number;
  }
  return total;
}

/**
 * A scan of the tab's range of the name index, `entries` at a time: each slice ends at the entry that many past
 * the last one (found by skipping them, index only), so no slice reads more however the matches fall.
 */
function* nameIndexCount(db: Db, where: PeopleWhere, entries: number): CountSteps {
  const { index, columns, bare, params } = SORTS.name;
  const after = ` AND (${bare.join(', ')}) > (${params.join(', ')})`;
  const upTo = ` AND (${bare.join(', ')}) <= (${params.join(', ')})`;
  const order = ` ORDER BY ${columns.join(', ')}`;
  // The tab is where's first term (peopleWhere): its one parameter leads where.params.
  const tabParams = where.params.slice(0, 1);
  const boundary = (from: unknown[] | null) =>
    db
      .prepare<unknown[], unknown[]>(`SELECT ${bare.join(', ')} FROM users INDEXED BY ${index} WHERE is_active = ?${from ? after : ''}${order} LIMIT 1 OFFSET ?`)
      .raw()
      .get(...tabParams, ...(from ?? []), entries - 1) ?? null;
  let total = 0;
  let from: unknown[] | null = null;
  for (;;) {
    const to = boundary(from);
    const sql = `SELECT COUNT(*) FROM users INDEXED BY ${index} WHERE ${where.sql}${from ? after : ''}${to ? upTo : ''}`;
    total += count(db, sql, [...where.params, ...(from ?? []), ...(to ?? [])]);
    if (!to) return total;
    from = to;
    yield;
  }
}
