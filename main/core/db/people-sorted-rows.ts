// The rows of one People page, as SQL: each sort reads its own covering index in order (keyset ranges, OFFSET only
// for a jump), and a search or filter goes through the strategy planList picked; every WHERE comes from people-where.ts.
import type { ParsedInput, Tab } from '../../../common/contract.ts';
import type { Db } from './open-database.ts';
import { countCandidates, type SearchPlan } from './people-search.ts';
import { peopleWhere, tabValue, type FilterSql } from './people-where.ts';
import type { UserRow } from './users-repo.ts';

export type ListInput = ParsedInput<'listPeople'>;
export type SortKey = ListInput['sort'];
export type Value = string | number;

export interface SortSpec {
  /** The index whose order is this sort's order (see migration 1). */
  index: string;
  /** ORDER BY terms, id last so every position is unique. */
  columns: string[];
  /** The same columns bare, for the left of a range comparison: an explicit COLLATE there hides the index. */
  bare: string[];
  /** Parameters on the right of a range comparison; their COLLATE sets the comparison's collation. */
  params: string[];
  values: (row: UserRow) => Value[];
  /**
   * The id and what `values` reads: an export's order, read from this sort's index alone (but for Last login, whose
   * key is a generated column: SQLite reads the row for one).
   */
  key: string;
}

const NAME_COLS = ['last_name COLLATE NOCASE', 'first_name COLLATE NOCASE'];
const NAME_PARAMS = ['? COLLATE NOCASE', '? COLLATE NOCASE'];

export const SORTS: Record<SortKey, SortSpec> = {
  name: {
    index: 'users_by_name',
    columns: [...NAME_COLS, 'id'],
    bare: ['last_name', 'first_name', 'id'],
    params: [...NAME_PARAMS, '?'],
    values: (r) => [r.last_name, r.first_name, r.id],
    key: 'id, last_name, first_name',
  },
  email: { index: 'users_by_email', columns: ['email', 'id'], bare: ['email', 'id'], params: ['?', '?'], values: (r) => [r.email, r.id], key: 'id, email' },
  role: {
    index: 'users_by_role',
    columns: ['role', ...NAME_COLS, 'id'],
    bare: ['role', 'last_name', 'first_name', 'id'],
    params: ['?', ...NAME_PARAMS, '?'],
    values: (r) => [r.role, r.last_name, r.first_name, r.id],
    key: 'id, role, last_name, first_name',
  },
  lastLogin: {
    index: 'users_by_last_login',
    columns: ['last_login_sort', 'id'],
    bare: ['last_login_sort', 'id'],
    params: ['?', '?'],
    values: (r) => [r.last_login_at ?? 0, r.id],
    // The index holds the key, IFNULL(last_login_at, 0), not last_login_at: read back as it, values() gives the same.
    key: 'id, last_login_sort AS last_login_at',
  },
};

export { tabValue };

/** One page query: the tab, the sort, which way, where to start and how many rows. */
export interface RowsRequest {
  tab: Tab;
  spec: SortSpec;
  descending: boolean;
  limit: number;
  offset: number;
  /** Sort values of the row to start after (exclusive), in the direction of travel. */
  after?: Value[];
  /** The People filter every row must pass, whichever way the rows are found. */
  filter?: FilterSql;
  /** Rows with only the id and the sort's key (spec.key) rather than every column. */
  keyOnly?: boolean;
}

const selectList = (r: RowsRequest) => (r.keyOnly ? r.spec.key : '*');

function rangeSql(r: RowsRequest, op: '>' | '<' | '>=' | '<=', values: Value[]): [string, Value[]] {
  return [` AND (${r.spec.bare.join(', ')}) ${op} (${r.spec.params.join(', ')})`, values];
}

/** Rows tied with the cursor on every sort column but id, beyond it by id: an equality prefix, then an id range. */
function tieSql(r: RowsRequest, values: Value[]): [string, Value[]] {
  const n = r.spec.bare.length - 1;
  const eq = r.spec.bare.slice(0, n).map((c, i) => `${c} = ${r.spec.params[i]}`);
  return [` AND ${eq.join(' AND ')} AND id ${r.descending ? '<' : '>'} ?`, values];
}

function orderSql(r: RowsRequest): string {
  const dir = r.descending ? 'DESC' : 'ASC';
  return ` ORDER BY ${r.spec.columns.map((c) => `${c} ${dir}`).join(', ')} LIMIT ? OFFSET ?`;
}

/** Rows past the cursor's whole tie group: a row-value range on the sort columns before id. */
function beyondSql(r: RowsRequest, values: Value[]): [string, Value[]] {
  const n = r.spec.bare.length - 1;
  return [` AND (${r.spec.bare.slice(0, n).join(', ')}) ${r.descending ? '<' : '>'} (${r.spec.params.slice(0, n).join(', ')})`, values.slice(0, n)];
}

/**
 * Rows in index order, filtered by LIKE on the index entry when searching; stops as soon as the page is full.
 * After a cursor it reads the cursor's tie group first, then what follows: SQLite seeks a row-value range on the
 * sort columns but not on the id after them, and a tie group can be huge (everyone who never signed in).
 */
function walk(db: Db, r: RowsRequest, pattern: string | null, until?: Value[]): UserRow[] {
  const run = (range: [string, Value[]] | null, limit: number, offset: number) => {
    const where = peopleWhere(r.tab, pattern, r.filter);
    let sql = `SELECT ${selectList(r)} FROM users INDEXED BY ${r.spec.index} WHERE ${where.sql}`;
    const params: Value[] = [...where.params];
    for (const part of [range, until ? rangeSql(r, r.descending ? '>=' : '<=', until) : null]) {
      if (!part) continue;
      sql += part[0];
      params.push(...part[1]);
    }
    return db.prepare<Value[], UserRow>(sql + orderSql(r)).all(...params, limit, offset);
  };
  if (!r.after) return run(null, r.limit, r.offset);
  const tied = run(tieSql(r, r.after), r.limit, 0);
  if (tied.length >= r.limit) return tied;
  return [...tied, ...run(beyondSql(r, r.after), r.limit - tied.length, 0)];
}

/** Rows from the trigram index's candidates (looked up by id, in id order), re-checked with LIKE, then sorted. */
function fromSearchIndex(db: Db, r: RowsRequest, pattern: string, match: string): UserRow[] {
  const where = peopleWhere(r.tab, pattern, r.filter);
  const sql = `SELECT ${selectList(r)} FROM users NOT INDEXED WHERE id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?)
    AND ${where.sql}`;
  return ranged(db, r, sql, [match, ...where.params]);
}

/**
 * The rows of a filter with few people: sorted and cut to the page from the filter's own index (which carries the
 * sort columns, names and email, so the sort and the LIKE read no table row), then only the page's rows fetched.
 */
function fromFilterIndex(db: Db, r: RowsRequest, filter: FilterSql, pattern: string | null): UserRow[] {
  const where = peopleWhere(r.tab, pattern, filter);
  const ids = ranged(db, { ...r, spec: fromIndexedColumns(r.spec) }, `SELECT id FROM ${filter.source} WHERE ${where.sql}`, where.params, 'id');
  if (ids.length === 0) return [];
  const order = orderSql(r).replace(/ LIMIT \? OFFSET \?$/, '');
  return db.prepare<Value[], UserRow>(`SELECT ${selectList(r)} FROM users WHERE id IN (${ids.map(() => '?').join(', ')})${order}`).all(...ids);
}

/** The sort with the last-login key spelled from last_login_at, which the filters' partial indexes carry (migration 6). */
function fromIndexedColumns(spec: SortSpec): SortSpec {
  const spelled = (c: string) => c.replace('last_login_sort', 'IFNULL(last_login_at, 0)');
  return { ...spec, columns: spec.columns.map(spelled), bare: spec.bare.map(spelled) };
}

/** Adds the cursor's range and the order to a query over a candidate set (its WHERE already whole), and runs it. */
function ranged(db: Db, r: RowsRequest, base: string, baseParams: Value[]): UserRow[];
function ranged(db: Db, r: RowsRequest, base: string, baseParams: Value[], pluck: 'id'): number[];
function ranged(db: Db, r: RowsRequest, base: string, baseParams: Value[], pluck?: 'id'): UserRow[] | number[] {
  let sql = base;
  const params = [...baseParams];
  if (r.after) {
    const [s, p] = rangeSql(r, r.descending ? '<' : '>', r.after);
    sql += s;
    params.push(...p);
  }
  if (pluck) return db.prepare<Value[], number>(sql + orderSql(r)).pluck().all(...params, r.limit, r.offset);
  return db.prepare<Value[], UserRow>(sql + orderSql(r)).all(...params, r.limit, r.offset);
}

/** Sort values of the budget-th entry ahead, or undefined when fewer entries remain in the tab. */
function budgetEnd(db: Db, r: RowsRequest, budget: number): Value[] | undefined {
  const nth = (range: [string, Value[]] | null, n: number) =>
    db
      .prepare<Value[], Value[]>(
        `SELECT ${r.spec.columns.join(', ')} FROM users INDEXED BY ${r.spec.index} WHERE is_active = ?${range ? range[0] : ''}${orderSql(r)}`,
      )
      .raw()
      .get(tabValue(r.tab), ...(range ? range[1] : []), 1, n - 1);
  if (!r.after) return nth(null, budget);
  // As in walk(): the cursor's tie group first (bounded by the budget), then what follows it.
  const tie = tieSql(r, r.after);
  const tied = db
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM users INDEXED BY ${r.spec.index} WHERE is_active = ?${tie[0]} LIMIT ?)`)
    .pluck()
    .get(tabValue(r.tab), ...tie[1], budget) as number;
  return tied >= budget ? nth(tie, budget) : nth(beyondSql(r, r.after), budget - tied);
}

/** One page's rows (with `keyOnly`, rows that carry only the id and the sort's key: read them with spec.values). */
export function selectRows(db: Db, plan: SearchPlan, r: RowsRequest): UserRow[] {
  switch (plan.kind) {
    case 'all':
      return walk(db, r, null);
    case 'walk':
      return walk(db, r, plan.pattern);
    case 'fts':
      return fromSearchIndex(db, r, plan.pattern, plan.match);
    case 'filtered':
      if (!r.filter) throw new Error('a filtered plan needs the filter');
      return fromFilterIndex(db, r, r.filter, plan.pattern);
    case 'walkFirst': {
      // A common term usually fills a page within a few hundred entries, but one clustered away from this end
      // of the sort (a surname, sorted by name) could make the walk read most of the index: its reach is bounded.
      const end = budgetEnd(db, r, plan.limits.walkBudget);
      const rows = walk(db, r, plan.pattern, end);
      if (!end || rows.length === r.limit) return rows;
      const { ftsFallback } = plan.limits;
      return countCandidates(db, plan.match, ftsFallback) < ftsFallback
        ? fromSearchIndex(db, r, plan.pattern, plan.match)
        : walk(db, r, plan.pattern);
    }
  }
}
