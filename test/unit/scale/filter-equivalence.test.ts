// Every People filter, through every strategy (its own index, or a walk of the sort index, with or without a
// search), returns exactly the rows and counts of a plain oracle: the LIKE query's rows, filtered in JavaScript.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MENU_FILTERS, type PeopleFilter } from '../../../common/people-filter.ts';
import type { Db } from '../../../main/core/db/open-database.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { countPeople } from '../../../main/core/db/people-counts.ts';
import { encodeCursor, listPeople } from '../../../main/core/db/people-pages.ts';
import { SEARCH_LIMITS, type SearchLimits } from '../../../main/core/db/people-search.ts';
import { SORTS, type ListInput } from '../../../main/core/db/people-sorted-rows.ts';
import type { UserRow } from '../../../main/core/db/users-repo.ts';
import { prng } from '../../../scripts/bench/people-generator.ts';
import { tempDir } from '../harness.ts';
import { checkPageMoves, liveInvites, naiveFilter, naiveMatches } from './naive-people.ts';
import { fillTrickyPeople } from './tricky-people.ts';

const NOW = Date.UTC(2026, 0, 1);
let db: Db;
let names: string[];

/** Gives the tricky people the states the filters look for: passwords, temporary ones, locks, admins, invites. */
function giveStates(db: Db, seed: number): void {
  const rand = prng(seed);
  const ids = db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as number[];
  const set = db.prepare(
    'UPDATE users SET password_hash = ?, must_change_password = ?, locked_until = ?, role = ?, created_at = ?, last_login_at = ? WHERE id = ?',
  );
  const code = db.prepare(
    `INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at, used_at, locked_at) VALUES (?, 'invite', 'h', 0, ?, ?, ?)`,
  );
  const around = () => NOW + Math.floor((rand() - 0.5) * 400 * DAY_MS);
  db.transaction(() => {
    for (const id of ids) {
      const invited = rand() < 0.15;
      const temporary = !invited && rand() < 0.05;
      const locked = rand() < 0.03 ? around() : null;
      const login = invited || rand() < 0.2 ? null : NOW - Math.floor(rand() * 300 * DAY_MS);
      set.run(invited ? null : 'hash', temporary ? 1 : 0, locked, rand() < 0.1 ? 'admin' : 'user', NOW - Math.floor(rand() * 400 * DAY_MS), login, id);
      if (invited) {
        // Some live codes, some expired, used or locked ones, some with none at all.
        for (let n = Math.floor(rand() * 3); n > 0; n--) code.run(id, around(), rand() < 0.2 ? 1 : null, rand() < 0.2 ? 1 : null);
      }
    }
  })();
}

beforeAll(async () => {
  db = await openDatabase(path.join(tempDir('roster-filters-'), 'roster.db'));
  names = fillTrickyPeople(db, 2000, 11);
  giveStates(db, 5);
});
afterAll(() => closeDatabase(db));

const LIMITS: SearchLimits[] = [
  SEARCH_LIMITS,
  { ...SEARCH_LIMITS, filterCandidates: 0 }, // always walk the sort index, testing each entry
  { ...SEARCH_LIMITS, filterCandidates: 1_000_000 }, // always the filter's own index
  { ftsCandidates: 0, walkBudget: 40, ftsFallback: 0, ftsCount: 0, filterCandidates: 0 },
  { ftsCandidates: 1_000_000, walkBudget: 1, ftsFallback: 0, ftsCount: 1_000_000, filterCandidates: 0 },
];

const FILTERS: PeopleFilter[] = [...MENU_FILTERS, { kind: 'noSignInFor', days: 1 }, { kind: 'noSignInFor', days: 365 }];

describe('People filters at scale', () => {
  it('return the same pages and counts as the oracle, for every filter, strategy, search, sort, tab and page move', () => {
    const live = liveInvites(db, NOW);
    const query = fc.oneof(
      fc.constant(''),
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([i, len]) => names[i % names.length]!.slice(0, len)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...FILTERS),
        query,
        fc.constantFrom(...(Object.keys(SORTS) as ListInput['sort'][])),
        fc.constantFrom<ListInput['tab']>('active', 'deactivated'),
        fc.constantFrom<ListInput['direction']>('asc', 'desc'),
        fc.nat(LIMITS.length - 1),
        fc.array(fc.constantFrom('next', 'next', 'previous', 'last', 'jump', 'first'), { minLength: 1, maxLength: 5 }),
        fc.nat(8),
        (filter, q, sort, tab, direction, limitsAt, moves, jumpTo) => {
          const limits = LIMITS[limitsAt]!;
          const base = { tab, query: q.trim(), filter, sort, direction, pageSize: 25 as const };
          const all = naiveMatches(db, base).filter((r) => naiveFilter(r, filter, NOW, live));
          const cursorOf = (row: UserRow) => encodeCursor(SORTS[sort].values(row));
          checkPageMoves((page) => listPeople(db, { ...base, page }, NOW, limits), all, 25, moves, jumpTo, cursorOf);
          expect(countPeople(db, base, NOW, limits)).toBe(all.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('every filter finds someone in this data, so none of the comparisons above is empty by accident', () => {
    for (const filter of FILTERS) {
      const total = countPeople(db, { tab: 'active', query: '', filter }, NOW);
      expect(total, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });
});
