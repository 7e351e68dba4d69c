// The reference the fast People list is held to: every matching row from a plain LIKE query with no index,
// sorted by SQLite, and pages cut from that list by position.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { PeoplePage } from '../../../common/contract.ts';
import { DAY_MS, type PeopleFilter } from '../../../common/people-filter.ts';
import type { Db } from '../../../main/core/db/open-database.ts';
import { countPeople } from '../../../main/core/db/people-counts.ts';
import { encodeCursor, listPeople } from '../../../main/core/db/people-pages.ts';
import { likePattern, type SearchLimits } from '../../../main/core/db/people-search.ts';
import { SORTS, type ListInput } from '../../../main/core/db/people-sorted-rows.ts';
import type { UserRow } from '../../../main/core/db/users-repo.ts';

export function naiveMatches(db: Db, input: Pick<ListInput, 'tab' | 'query' | 'sort' | 'direction'>): UserRow[] {
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC';
  const order = SORTS[input.sort].columns.map((c) => `${c} ${dir}`).join(', ');
  const p = likePattern(input.query);
  return db
    .prepare<unknown[], UserRow>(
      `SELECT * FROM users NOT INDEXED WHERE is_active = ?
       AND (first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')
       ORDER BY ${order}`,
    )
    .all(input.tab === 'active' ? 1 : 0, p, p, p);
}

/** The people with an invite code that still works at `now`, read plainly (for naiveFilter). */
export function liveInvites(db: Db, now: number): Set<number> {
  return new Set(
    db.prepare("SELECT user_id FROM one_time_codes WHERE purpose = 'invite' AND used_at IS NULL AND locked_at IS NULL AND expires_at > ?").pluck().all(now) as number[],
  );
}

/** The oracle's reading of each People filter at `now`, in JavaScript over the row (and the live invites). */
export function naiveFilter(row: UserRow, filter: PeopleFilter, now: number, live: Set<number>): boolean {
  switch (filter.kind) {
    case 'neverSignedIn':
      return row.last_login_at === null;
    case 'noSignInFor':
      return (row.last_login_at ?? row.created_at) < now - filter.days * DAY_MS;
    case 'invitePending':
      return row.password_hash === null && live.has(row.id);
    case 'inviteExpired':
      return row.password_hash === null && !live.has(row.id);
    case 'temporaryPassword':
      return row.must_change_password === 1;
    case 'lockedOut':
      return row.locked_until !== null && row.locked_until > now;
    case 'admins':
      return row.role === 'admin';
  }
}

export interface NaivePage {
  ids: number[];
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** What a page should be, given the full ordered list and the position of the cursor row. */
export function naivePage(all: UserRow[], size: number, page: ListInput['page'], cursorOf: (row: UserRow) => string): NaivePage {
  const pos = (cursor: string) => all.findIndex((r) => cursorOf(r) === cursor);
  const slice = (from: number, to: number) => all.slice(Math.max(0, from), Math.max(0, to)).map((r) => r.id);
  const last = (): NaivePage => {
    const lastIndex = Math.max(0, Math.ceil(all.length / size) - 1);
    return { ids: slice(lastIndex * size, all.length), pageIndex: lastIndex, hasPrevious: lastIndex > 0, hasNext: false };
  };
  switch (page.kind) {
    case 'first':
      return { ids: slice(0, size), pageIndex: 0, hasPrevious: false, hasNext: all.length > size };
    case 'last':
      return last();
    case 'index':
      if (page.index > 0 && page.index * size >= all.length) return last();
      return { ids: slice(page.index * size, (page.index + 1) * size), pageIndex: page.index, hasPrevious: page.index > 0, hasNext: all.length > (page.index + 1) * size };
    case 'after': {
      const p = pos(page.cursor);
      return { ids: slice(p + 1, p + 1 + size), pageIndex: page.pageIndex + 1, hasPrevious: true, hasNext: all.length > p + 1 + size };
    }
    case 'before': {
      const p = pos(page.cursor);
      const hasPrevious = p - size > 0;
      return { ids: slice(p - size, p), pageIndex: hasPrevious ? Math.max(0, page.pageIndex - 1) : 0, hasPrevious, hasNext: true };
    }
  }
}

export const pageShape = (p: PeoplePage): NaivePage => ({
  ids: p.rows.map((r) => r.id),
  pageIndex: p.pageIndex,
  hasPrevious: p.hasPrevious,
  hasNext: p.hasNext,
});

export type Move = 'next' | 'previous' | 'last' | 'jump' | 'first';

/**
 * Pages through a list by `moves` from its first page (a jump goes to page `jumpTo`), and checks every page it
 * lands on against the oracle's page of `all`.
 */
export function checkPageMoves(
  list: (page: ListInput['page']) => PeoplePage,
  all: UserRow[],
  size: number,
  moves: readonly Move[],
  jumpTo: number,
  cursorOf: (row: UserRow) => string,
): void {
  let page: ListInput['page'] = { kind: 'first' };
  const check = () => {
    const got = list(page);
    expect(pageShape(got)).toEqual(naivePage(all, size, page, cursorOf));
    return got;
  };
  for (const m of moves) {
    const got = check();
    if (m === 'next' && got.hasNext && got.endCursor) page = { kind: 'after', cursor: got.endCursor, pageIndex: got.pageIndex };
    else if (m === 'previous' && got.hasPrevious && got.startCursor) page = { kind: 'before', cursor: got.startCursor, pageIndex: got.pageIndex };
    else if (m === 'last') page = { kind: 'last' };
    else if (m === 'jump') page = { kind: 'index', index: jumpTo };
    else page = { kind: 'first' };
  }
  check();
}

/**
 * The property the filter and import tests hold the People list to: for any filter (or none), search, sort, tab,
 * direction, strategy limits and page moves, every page and the count are the oracle's.
 */
export function assertListMatchesOracle(
  db: Db,
  options: { filter: fc.Arbitrary<PeopleFilter | null>; query: fc.Arbitrary<string>; limits: readonly SearchLimits[]; now: number; jumps: number; numRuns: number },
): void {
  const live = liveInvites(db, options.now);
  const { now, limits } = options;
  fc.assert(
    fc.property(
      options.filter,
      options.query,
      fc.constantFrom(...(Object.keys(SORTS) as ListInput['sort'][])),
      fc.constantFrom<ListInput['tab']>('active', 'deactivated'),
      fc.constantFrom<ListInput['direction']>('asc', 'desc'),
      fc.nat(limits.length - 1),
      fc.array(fc.constantFrom<Move>('next', 'next', 'previous', 'last', 'jump', 'first'), { minLength: 1, maxLength: 5 }),
      fc.nat(options.jumps),
      // Slices small enough that a count here is cut into several (COUNT_SLICE's are sized for 1M people).
      fc.record({ entries: fc.integer({ min: 1, max: 60 }), ids: fc.integer({ min: 1, max: 400 }), people: fc.integer({ min: 1, max: 40 }) }),
      (filter, q, sort, tab, direction, limitsAt, moves, jumpTo, slice) => {
        const base = { tab, query: q.trim(), filter, sort, direction, pageSize: 25 as const };
        const all = naiveMatches(db, base).filter((r) => filter === null || naiveFilter(r, filter, now, live));
        const cursorOf = (row: UserRow) => encodeCursor(SORTS[sort].values(row));
        checkPageMoves((page) => listPeople(db, { ...base, page }, now, limits[limitsAt]), all, 25, moves, jumpTo, cursorOf);
        expect(countPeople(db, base, now, limits[limitsAt])).toBe(all.length);
        expect(countPeople(db, base, now, limits[limitsAt], slice)).toBe(all.length);
      },
    ),
    { numRuns: options.numRuns },
  );
}
