// Every search strategy of the People list returns exactly what the plain LIKE query returns, on every page.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/db/open-database.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { countPeople, countPeopleYielding } from '../../../main/core/db/people-counts.ts';
import { encodeCursor, listPeople } from '../../../main/core/db/people-pages.ts';
import { SORTS, type ListInput } from '../../../main/core/db/people-sorted-rows.ts';
import { SEARCH_LIMITS, trigramMatch, type SearchLimits } from '../../../main/core/db/people-search.ts';
import { tempDir } from '../harness.ts';
import { checkPageMoves, naiveMatches } from './naive-people.ts';
import { fillTrickyPeople, TRICKY_ALPHABET } from './tricky-people.ts';

let db: Db;
let names: string[];

beforeAll(async () => {
  db = await openDatabase(path.join(tempDir('roster-scale-'), 'roster.db'));
  names = fillTrickyPeople(db, 3000, 7);
});
afterAll(() => closeDatabase(db));

// Each set of limits forces one strategy on a table this small: search index, budgeted walk (settled or not,
// then search index or walk on), and the defaults.
const LIMITS: SearchLimits[] = [
  SEARCH_LIMITS,
  { ftsCandidates: 1_000_000, walkBudget: 1, ftsFallback: 0, ftsCount: 1_000_000, filterCandidates: 0 },
  { ftsCandidates: 0, walkBudget: 40, ftsFallback: 1_000_000, ftsCount: 0, filterCandidates: 0 },
  { ftsCandidates: 0, walkBudget: 40, ftsFallback: 0, ftsCount: 1_000_000, filterCandidates: 0 },
  { ftsCandidates: 0, walkBudget: 5_000, ftsFallback: 0, ftsCount: 0, filterCandidates: 0 },
];

const term = () =>
  fc.oneof(
    // a piece of a real name or email, with its case scrambled
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([i, start, len, upper]) => {
      const s = names[i % names.length]!;
      const piece = Array.from(s).slice(start % s.length, (start % s.length) + len).join('');
      return upper ? piece.toUpperCase() : piece;
    }),
    fc.string({ unit: fc.constantFrom(...TRICKY_ALPHABET), minLength: 1, maxLength: 4 }),
  );

const move = fc.constantFrom('next', 'next', 'previous', 'last', 'jump', 'first');

describe('People search at scale', () => {
  it('returns the same pages as the plain LIKE query, for every strategy, sort, tab, direction and page move', () => {
    fc.assert(
      fc.property(
        term(),
        fc.constantFrom(...(Object.keys(SORTS) as ListInput['sort'][])),
        fc.constantFrom<ListInput['tab']>('active', 'deactivated'),
        fc.constantFrom<ListInput['direction']>('asc', 'desc'),
        fc.constantFrom<ListInput['pageSize']>(25, 50),
        fc.nat(LIMITS.length - 1),
        fc.array(move, { minLength: 1, maxLength: 6 }),
        fc.nat(20),
        (query, sort, tab, direction, pageSize, limitsAt, moves, jumpTo) => {
          const limits = LIMITS[limitsAt]!;
          const base = { tab, query: query.trim(), filter: null, sort, direction, pageSize };
          const all = naiveMatches(db, base);
          const cursorOf = (row: (typeof all)[number]) => encodeCursor(SORTS[sort].values(row));
          checkPageMoves((page) => listPeople(db, { ...base, page }, 0, limits), all, pageSize, moves, jumpTo, cursorOf);
          expect(countPeople(db, base, 0, limits)).toBe(all.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('counts the same when the count is cut into slices of any size, for every strategy and tab', () => {
    fc.assert(
      fc.property(
        term(),
        fc.constantFrom<ListInput['tab']>('active', 'deactivated'),
        fc.nat(LIMITS.length - 1),
        fc.record({ entries: fc.integer({ min: 1, max: 80 }), ids: fc.integer({ min: 1, max: 500 }), people: fc.integer({ min: 1, max: 40 }) }),
        (query, tab, limitsAt, slice) => {
          const base = { tab, query: query.trim(), filter: null };
          const expected = naiveMatches(db, { ...base, sort: 'name', direction: 'asc' }).length;
          expect(countPeople(db, base, 0, LIMITS[limitsAt], slice)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a yielding count gives the event loop a turn between slices, and still counts exactly', async () => {
    // The commonest trigram of the names: a scan of the name index (ftsCount 0), or its search candidates.
    const grams = new Map<string, number>();
    for (const n of names) for (let i = 0; i + 3 <= n.length; i++) grams.set(n.slice(i, i + 3), (grams.get(n.slice(i, i + 3)) ?? 0) + 1);
    const term = [...grams].sort((a, b) => b[1] - a[1])[0]![0];
    for (const limits of [{ ...SEARCH_LIMITS, ftsCount: 0 }, { ...SEARCH_LIMITS, ftsCount: 1_000_000 }]) {
      const base = { tab: 'active' as const, query: term, filter: null };
      const expected = naiveMatches(db, { ...base, sort: 'name', direction: 'asc' }).length;
      // The name index's marks found first (kept per connection), so the turns counted below are the slices' own.
      countPeople(db, base, 0, limits, { entries: 20, ids: 20, people: 5 });
      // Another task on the loop, queued as the count's own turns are: it runs only if the count lets go.
      let turns = 0;
      let counting = true;
      const other = () => {
        turns++;
        if (counting) setImmediate(other);
      };
      setImmediate(other);
      try {
        expect(await countPeopleYielding(db, base, 0, limits, { entries: 20, ids: 20, people: 5 })).toBe(expected);
      } finally {
        counting = false;
      }
      expect(expected, term).toBeGreaterThan(50);
      // Planning alone gives at most 3 turns (marks already found); slices that start at 20 and at most double give
      // several more.
      expect(turns).toBeGreaterThan(3);
    }
  });

  it('counts every candidate whatever the number re-checked per slice: one, all, or one short of all', () => {
    const grams = new Map<string, number>();
    for (const n of names) for (let i = 0; i + 3 <= n.length; i++) grams.set(n.slice(i, i + 3), (grams.get(n.slice(i, i + 3)) ?? 0) + 1);
    const term = [...grams].sort((a, b) => b[1] - a[1])[0]![0];
    const candidates = db.prepare('SELECT COUNT(*) FROM users_fts WHERE users_fts MATCH ?').pluck().get(trigramMatch(term)) as number;
    expect(candidates).toBeGreaterThan(2);
    const base = { tab: 'active' as const, query: term, filter: null };
    const expected = naiveMatches(db, { ...base, sort: 'name', direction: 'asc' }).length;
    for (const ids of [1, candidates - 1, candidates, candidates + 1]) {
      expect(countPeople(db, base, 0, { ...SEARCH_LIMITS, ftsCount: 1_000_000 }, { entries: 50, ids, people: 5 }), `${ids} a slice`).toBe(expected);
    }
  });

  it('a yielding count whose database closes between slices stops with BUSY (Roster closing), not a crash', async () => {
    const own = await openDatabase(path.join(tempDir('roster-count-close-'), 'roster.db'));
    fillTrickyPeople(own, 300, 5);
    const counting = countPeopleYielding(own, { tab: 'active', query: 'a', filter: null }, 0, { ...SEARCH_LIMITS, ftsCount: 0 }, { entries: 10, ids: 10, people: 5 });
    closeDatabase(own); // runs before the count's first turn of the loop is over
    await expect(counting).rejects.toMatchObject({ name: 'AppError', code: 'BUSY' });
  });

  it('counts exactly on marks gone stale: people renamed past them, added and deactivated since they were found', async () => {
    const own = await openDatabase(path.join(tempDir('roster-count-marks-'), 'roster.db'));
    try {
      const ownNames = fillTrickyPeople(own, 400, 8);
      const slices = { entries: 7, ids: 7, people: 7 };
      const scan = { ...SEARCH_LIMITS, ftsCount: 0 }; // the name index's scan, between marks
      const check = () => {
        for (const query of ['a', 'e', 's', '']) {
          const base = { tab: 'active' as const, query, filter: null };
          const expected = naiveMatches(own, { ...base, sort: 'name', direction: 'asc' }).length;
          expect(countPeople(own, base, 0, scan, slices), query).toBe(expected);
        }
      };
      check(); // finds the marks
      // Fewer changes than a tenth of the tab: the marks are kept, and now fall elsewhere among the people.
      const rename = own.prepare('UPDATE users SET last_name = ?, first_name = ? WHERE id = ?');
      for (let id = 1; id <= 30; id++) rename.run(ownNames[(id * 7) % ownNames.length]!, 'Zz', id);
      own.prepare('UPDATE users SET is_active = 0 WHERE id BETWEEN 31 AND 40').run();
      fillTrickyPeople(own, 10, 9);
      check();
    } finally {
      closeDatabase(own);
    }
  });
});
