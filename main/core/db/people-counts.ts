// How many people a tab holds, and how many match a search and a filter: exact, from whichever source is cheaper.
// A count that must read much (a common term's scan, many search candidates, a large filter re-checked with a
// search) is cut into slices, so main can give its event loop a turn between them (countPeopleYielding) rather than
// stall for a hundred milliseconds or more at 1M.
import type { Tab } from '../../../common/contract.ts';
import type { Db } from './open-database.ts';
import { AppError } from '../errors.ts';
import { countCandidates, countFiltered, LIKE_FILTER, likePattern, SEARCH_LIMITS, trigramMatch } from './people-search.ts';
import { BEFORE_MARK, FROM_MARK, nameIndexMarks } from './name-index-marks.ts';
import { SORTS, type ListInput } from './people-sorted-rows.ts';
import { filterSql, peopleWhere, tabValue, type FilterSql, type PeopleWhere } from './people-where.ts';

/** O(1): the counts table is kept by triggers on every write. */
export function tabCount(db: Db, tab: Tab): number {
  return db.prepare('SELECT people FROM user_tab_counts WHERE is_active = ?').pluck().get(tabValue(tab)) as number;
}

export function tabCounts(db: Db): { active: number; deactivated: number } {
  const rows = db.prepare<[], { is_active: number; people: number }>('SELECT is_active, people FROM user_tab_counts').all();
  const of = (v: number) => rows.find((row) => row.is_active === v)?.people ?? 0;
  return { active: of(1), deactivated: of(0) };
}

/** How much one slice of a count reads, by kind. */
export interface SliceSizes {
  /** Entries of the name index a scan slice reads (~10 ms of LIKE at 1M from a warm cache, ~25 ms cold). */
  entries: number;
  /** Search candidates a slice re-checks (a table read each, ~3 µs warm). */
  ids: number;
  /** People of a filter's own index a slice re-checks with the search (a table read each). */
  people: number;
}
/** What a step of a count did: a slice of one kind, or planning (probing the search index, counting a filter). */
type StepKind = keyof SliceSizes | 'plan';

/** Fixed sizes for a count run at once (countPeople); tests shrink them to reach the slices' edges on a small table. */
export const COUNT_SLICE: SliceSizes = { entries: 50_000, ids: 5_000, people: 5_000 };

/** Entries of the name index between two marks (name-index-marks.ts); a slice spans as many marks as its size asks. */
const MARK_SPACING = 5_000;

/**
 * countPeopleYielding's first sizes, small enough for a cold page cache and a condition that reads the table row
 * (~20 µs a person then, ~0.2 µs on the index alone when warm; a name-index slice is at least one mark), then each
 * kind is rescaled after every slice so the next one takes about SLICE_TARGET_MS, at most doubling at a time: no
 * fixed size is both short cold and cheap warm.
 */
const FIRST_SLICE: SliceSizes = { entries: MARK_SPACING, ids: 500, people: 500 };
const SLICE_TARGET_MS = 10;
const SLICE_BOUNDS: Record<keyof SliceSizes, [number, number]> = {
  entries: [MARK_SPACING, 400_000],
  ids: [100, 50_000],
  people: [100, 50_000],
};

/** A count as steps: each `yield` names what the step just done was; the generator's return value is the count. */
type CountSteps = Generator<StepKind, number, void>;
type Input = Pick<ListInput, 'tab' | 'query' | 'filter'>;

const count = (db: Db, sql: string, params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

/** The number of people in a tab matching a search and a filter (judged at `now`); exact, from whichever source is cheaper. */
export function countPeople(db: Db, input: Input, now: number, limits = SEARCH_LIMITS, slice: SliceSizes = COUNT_SLICE): number {
  const steps = countSteps(db, input, now, limits, { ...slice });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * countPeople for main's event loop: a turn between slices. The slices read the database as it is when each runs,
 * so a person changed meanwhile (renamed past the slice boundary, say) can be counted twice or not at all: a figure
 * shown beside a list that can change under it anyway, never used to decide whom an action changes.
 */
export async function countPeopleYielding(db: Db, input: Input, now: number, limits = SEARCH_LIMITS, first: SliceSizes = FIRST_SLICE): Promise<number> {
  const size = { ...first };
  const steps = countSteps(db, input, now, limits, size);
  for (;;) {
    const started = performance.now();
    const step = steps.next();
    if (step.done) return step.value;
    const kind = step.value;
    if (kind !== 'plan') {
      const [min, max] = SLICE_BOUNDS[kind];
      const scaled = (size[kind] * SLICE_TARGET_MS) / Math.max(performance.now() - started, 0.5);
      size[kind] = Math.round(Math.min(max, 2 * size[kind], Math.max(min, scaled)));
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!db.open) throw new AppError('BUSY', 'Roster is closing; the count stopped.');
  }
}

function* countSteps(db: Db, input: Input, now: number, limits: typeof SEARCH_LIMITS, size: SliceSizes): CountSteps {
  const filter = input.filter ? filterSql(input.filter, now) : undefined;
  if (!input.query) {
    if (!filter) return tabCount(db, input.tab);
    // A filter alone: its own index (few people) or a range of it (the idle filter), read from the index alone.
    const where = peopleWhere(input.tab, null, filter);
    return count(db, `SELECT COUNT(*) FROM ${filter.source} WHERE ${where.sql}`, where.params);
  }
  const pattern = likePattern(input.query);
  const where = peopleWhere(input.tab, pattern, filter);
  const match = trigramMatch(input.query, db); // a few bounded probes of the search index
  yield 'plan';
  // A bounded count from the search index alone: ~10 ms for 100,000 candidates of three trigrams at 1M.
  const few = match !== null && countCandidates(db, match, limits.ftsCount) < limits.ftsCount;
  yield 'plan';
  if (few) return yield* candidatesCount(db, match, where, size);
  // A filter with fewer people than the search's candidates: its own index, each re-checked with the search.
  if (filter && countFiltered(db, tabValue(input.tab), filter, limits.ftsCount) < limits.ftsCount) {
    yield 'plan';
    return yield* filterPeopleCount(db, input.tab, filter, pattern, size);
  }
  // The name index carries every searched column, so this scan never reads the table (but for a filter's own terms).
  return yield* nameIndexCount(db, input.tab, where, size);
}

/**
 * The search's trigram candidates (fewer than ftsCount), read once from the search index, then re-checked with the
 * whole condition `size.ids` at a time. A rowid range in each slice's MATCH instead would cost a whole query each:
 * FTS5 reads every term's full list for it, 50-70 ms for three common trigrams at 1M.
 */
function* candidatesCount(db: Db, match: string, where: PeopleWhere, size: SliceSizes): CountSteps {
  const candidates = db.prepare('SELECT rowid FROM users_fts WHERE users_fts MATCH ?').pluck().all(match) as number[];
  yield 'plan';
  // NOT INDEXED: by rowid, one lookup per candidate. Left to itself, SQLite scans the tab through an index led by
  // is_active, testing each person against the list (35 s for a count at 1M).
  const stmt = db.prepare(`SELECT COUNT(*) FROM users NOT INDEXED WHERE id IN (SELECT value FROM json_each(?)) AND ${where.sql}`).pluck();
  let total = 0;
  for (let at = 0; ; ) {
    const chunk = candidates.slice(at, at + size.ids);
    total += stmt.get(JSON.stringify(chunk), ...where.params) as number;
    at += chunk.length;
    if (at >= candidates.length) return total;
    yield 'ids';
  }
}

/**
 * A filter's people (from its own index, in its order) re-checked with the search, `size.people` at a time: each
 * slice skips the ones before it on the index alone (OFFSET) and reads the table only for its own.
 */
function* filterPeopleCount(db: Db, tab: ListInput['tab'], filter: FilterSql, pattern: string, size: SliceSizes): CountSteps {
  const inner = peopleWhere(tab, null, filter);
  const stmt = db.prepare<unknown[], [number, number]>(
    `SELECT COUNT(*), TOTAL(${LIKE_FILTER}) FROM (SELECT first_name, last_name, email FROM ${filter.source} WHERE ${inner.sql} LIMIT ? OFFSET ?)`,
  );
  let total = 0;
  for (let offset = 0; ; ) {
    const limit = size.people;
    const [read, matched] = stmt.raw().get(pattern, pattern, pattern, ...inner.params, limit, offset) ?? [0, 0];
    total += matched;
    if (read < limit) return total;
    offset += read;
    yield 'people';
  }
}

/**
 * A scan of the tab's range of the name index, between marks found once per connection: each slice spans
 * `size.entries` worth of marks, so no slice reads much more however the matches fall.
 */
function* nameIndexCount(db: Db, tab: ListInput['tab'], where: PeopleWhere, size: SliceSizes): CountSteps {
  const spacing = Math.min(MARK_SPACING, size.entries);
  const marks = yield* nameIndexMarks(db, tab, tabCount(db, tab), spacing);
  // Ranges: before the first mark, from each mark to the next, from the last: marks.length + 1 of them. A slice
  // counts ranges [a, b): from mark a - 1 (if a > 0), before mark b - 1 (if b is not past the last range).
  const ranges = marks.length + 1;
  let total = 0;
  for (let a = 0; ; ) {
    const b = Math.min(ranges, a + Math.max(1, Math.round(size.entries / spacing)));
    const from = a > 0 ? marks[a - 1] : undefined;
    const before = b < ranges ? marks[b - 1] : undefined;
    const sql = `SELECT COUNT(*) FROM users INDEXED BY ${SORTS.name.index} WHERE ${where.sql}${from === undefined ? '' : FROM_MARK}${before === undefined ? '' : BEFORE_MARK}`;
    total += count(db, sql, [...where.params, ...(from === undefined ? [] : [from]), ...(before === undefined ? [] : [before])]);
    if (b === ranges) return total;
    a = b;
    yield 'entries';
  }
}
