// The People list as SQL: keyset (seek) paging over one index per sort, OFFSET only for a jump to a page.
import type { ParsedInput, PeoplePage, Tab } from '../../../common/contract.ts';
import { AppError } from '../errors.ts';
import type { Db } from './open-database.ts';
import { toPerson, type UserRow } from './users-repo.ts';

export type ListInput = ParsedInput<'listPeople'>;
export type SortKey = ListInput['sort'];

interface SortSpec {
  /** ORDER BY terms, id last so every position is unique. */
  columns: string[];
  /** The same terms as parameters on the right of a row-value comparison (COLLATE there keeps the index usable). */
  params: string[];
  values: (row: UserRow) => (string | number)[];
}

const NAME_COLS = ['last_name COLLATE NOCASE', 'first_name COLLATE NOCASE'];
const NAME_PARAMS = ['? COLLATE NOCASE', '? COLLATE NOCASE'];

export const SORTS: Record<SortKey, SortSpec> = {
  name: { columns: [...NAME_COLS, 'id'], params: [...NAME_PARAMS, '?'], values: (r) => [r.last_name, r.first_name, r.id] },
  email: { columns: ['email', 'id'], params: ['?', '?'], values: (r) => [r.email, r.id] },
  role: {
    columns: ['role', ...NAME_COLS, 'id'],
    params: ['?', ...NAME_PARAMS, '?'],
    values: (r) => [r.role, r.last_name, r.first_name, r.id],
  },
  lastLogin: { columns: ['IFNULL(last_login_at, 0)', 'id'], params: ['?', '?'], values: (r) => [r.last_login_at ?? 0, r.id] },
};

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortKey): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const ok =
      Array.isArray(values) &&
      values.length === SORTS[sort].columns.length &&
      values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
    if (ok) return values as (string | number)[];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'That list position is no longer valid. Showing the first page.', { field: 'page' });
}

/** Escapes LIKE wildcards so a search for "50%" or "a_b" means those characters. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function tabFilter(tab: Tab): string {
  return tab === 'active' ? 'is_active = 1' : 'is_active = 0';
}

interface Where {
  sql: string;
  params: (string | number)[];
}

function filterFor(input: Pick<ListInput, 'tab' | 'query'>): Where {
  if (!input.query) return { sql: tabFilter(input.tab), params: [] };
  const p = likePattern(input.query);
  return {
    sql: `${tabFilter(input.tab)} AND (first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')`,
    params: [p, p, p],
  };
}

export function countPeople(db: Db, input: Pick<ListInput, 'tab' | 'query'>): number {
  const where = filterFor(input);
  return db.prepare(`SELECT COUNT(*) FROM users WHERE ${where.sql}`).pluck().get(...where.params) as number;
}

function selectRows(db: Db, where: Where, spec: SortSpec, descending: boolean, limit: number, offset = 0, seek?: { values: (string | number)[] }): UserRow[] {
  const dir = descending ? 'DESC' : 'ASC';
  const order = spec.columns.map((c) => `${c} ${dir}`).join(', ');
  let sql = `SELECT * FROM users WHERE ${where.sql}`;
  const params = [...where.params];
  if (seek) {
    sql += ` AND (${spec.columns.join(', ')}) ${descending ? '<' : '>'} (${spec.params.join(', ')})`;
    params.push(...seek.values);
  }
  sql += ` ORDER BY ${order} LIMIT ? OFFSET ?`;
  params.push(limit, offset);
  return db.prepare<unknown[], UserRow>(sql).all(...params);
}

export function listPeople(db: Db, input: ListInput): PeoplePage {
  const spec = SORTS[input.sort];
  const where = filterFor(input);
  const size = input.pageSize;
  const asc = input.direction === 'asc';
  const page = input.page;
  let rows: UserRow[];
  let pageIndex: number;
  let hasPrevious: boolean;
  let hasNext: boolean;

  if (page.kind === 'after' || page.kind === 'first' || page.kind === 'index') {
    const seek = page.kind === 'after' ? { values: decodeCursor(page.cursor, input.sort) } : undefined;
    const offset = page.kind === 'index' ? page.index * size : 0;
    const fetched = selectRows(db, where, spec, !asc, size + 1, offset, seek);
    hasNext = fetched.length > size;
    rows = fetched.slice(0, size);
    pageIndex = page.kind === 'after' ? page.pageIndex + 1 : page.kind === 'index' ? page.index : 0;
    hasPrevious = pageIndex > 0;
    if (page.kind === 'index' && rows.length === 0 && page.index > 0) return listPeople(db, { ...input, page: { kind: 'last' } });
  } else if (page.kind === 'before') {
    const fetched = selectRows(db, where, spec, asc, size + 1, 0, { values: decodeCursor(page.cursor, input.sort) });
    hasPrevious = fetched.length > size;
    rows = fetched.slice(0, size).reverse();
    pageIndex = Math.max(0, page.pageIndex - 1);
    hasNext = true;
    if (!hasPrevious && pageIndex > 0) pageIndex = 0; // the list shrank above us
  } else {
    // Last page: the remainder after whole pages, so page numbers agree with paging from the front.
    const total = countPeople(db, input);
    const lastIndex = Math.max(0, Math.ceil(total / size) - 1);
    const remainder = total - lastIndex * size;
    rows = selectRows(db, where, spec, asc, Math.max(remainder, 0), 0).reverse();
    pageIndex = lastIndex;
    hasPrevious = lastIndex > 0;
    hasNext = false;
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows: rows.map(toPerson),
    pageIndex,
    hasPrevious,
    hasNext,
    startCursor: first ? encodeCursor(spec.values(first)) : null,
    endCursor: last ? encodeCursor(spec.values(last)) : null,
  };
}
