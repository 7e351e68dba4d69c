// Every People filter, through every strategy (its own index, or a walk of the sort index, with or without a
// search), returns exactly the rows and counts of a plain oracle: the LIKE query's rows, filtered in JavaScript.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MENU_FILTERS, type PeopleFilter } from '../../../common/people-filter.ts';
import type { Db } from '../../../main/core/db/open-database.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { countPeople } from '../../../main/core/db/people-counts.ts';
import { SEARCH_LIMITS, type SearchLimits } from '../../../main/core/db/people-search.ts';
import { prng } from '../../../scripts/bench/people-generator.ts';
import { tempDir } from '../harness.ts';
import { assertListMatchesOracle } from './naive-people.ts';
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
    const query = fc.oneof(
      fc.constant(''),
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([i, len]) => names[i % names.length]!.slice(0, len)),
    );
    assertListMatchesOracle(db, { filter: fc.constantFrom(...FILTERS), query, limits: LIMITS, now: NOW, jumps: 8, numRuns: 400 });
  });

  it('every filter finds someone in this data, so none of the comparisons above is empty by accident', () => {
    for (const filter of FILTERS) {
      const total = countPeople(db, { tab: 'active', query: '', filter }, NOW);
      expect(total, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });
});
