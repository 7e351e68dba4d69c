// The People list's pages: first / next / previous / last by keyset, a jump by OFFSET, with or without a search, and
// the cursors that say where a page starts and ends.
import type { PeoplePage } from '../../../common/contract.ts';
import { AppError } from '../errors.ts';
import { lastPage } from './last-page.ts';
import type { Db } from './open-database.ts';
import { countPeople } from './people-counts.ts';
import { planList, SEARCH_LIMITS } from './people-search.ts';
import { selectRows, SORTS, type ListInput, type RowsRequest, type SortKey, type Value } from './people-sorted-rows.ts';
import { filterSql, tabValue } from './people-where.ts';
import { toPerson, type UserRow } from './users-repo.ts';

export function encodeCursor(values: Value[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortKey): Value[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const ok =
      Array.isArray(values) &&
      values.length === SORTS[sort].columns.length &&
      values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
    if (ok) return values as Value[];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'That list position is no longer valid. Showing the first page.', { field: 'page' });
}

/**
 * `now` is when the filter is judged (idle days, expiries, locks); `limits` tunes the search strategies (tests
 * shrink them to reach every strategy on a small table); `total`, the list's count if already known (the last page
 * needs it), as countPeople would give it.
 */
export function listPeople(db: Db, input: ListInput, now: number, limits = SEARCH_LIMITS, total?: number): PeoplePage {
  const spec = SORTS[input.sort];
  const filter = input.filter ? filterSql(input.filter, now) : undefined;
  const plan = planList(db, tabValue(input.tab), input.query, filter, limits);
  const size = input.pageSize;
  const asc = input.direction === 'asc';
  const page = input.page;
  const request = (descending: boolean, limit: number, offset = 0, after?: Value[]): RowsRequest => ({
    tab: input.tab,
    spec,
    descending,
    limit,
    offset,
    after,
    filter,
  });
  let rows: UserRow[];
  let pageIndex: number;
  let hasPrevious: boolean;
  let hasNext: boolean;

  if (page.kind === 'after' || page.kind === 'first' || page.kind === 'index') {
    const after = page.kind === 'after' ? decodeCursor(page.cursor, input.sort) : undefined;
    const offset = page.kind === 'index' ? page.index * size : 0;
    const fetched = selectRows(db, plan, request(!asc, size + 1, offset, after));
    hasNext = fetched.length > size;
    rows = fetched.slice(0, size);
    pageIndex = page.kind === 'after' ? page.pageIndex + 1 : page.kind === 'index' ? page.index : 0;
    hasPrevious = pageIndex > 0;
    if (page.kind === 'index' && rows.length === 0 && page.index > 0) return listPeople(db, { ...input, page: { kind: 'last' } }, now, limits);
  } else if (page.kind === 'before') {
    const fetched = selectRows(db, plan, request(asc, size + 1, 0, decodeCursor(page.cursor, input.sort)));
    hasPrevious = fetched.length > size;
    rows = fetched.slice(0, size).reverse();
    pageIndex = Math.max(0, page.pageIndex - 1);
    hasNext = true;
    if (!hasPrevious && pageIndex > 0) pageIndex = 0; // the list shrank above us
  } else {
    const end = lastPage(total ?? countPeople(db, input, now, limits), size);
    rows = selectRows(db, plan, request(asc, end.rows)).reverse();
    pageIndex = end.index;
    hasPrevious = end.index > 0;
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
