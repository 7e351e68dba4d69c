// Where a bulk action reads its selection from (selectionQuery): the list's own plan picks a filter's index, the
// search's trigram candidates or one pass over the table; whichever it picks, the people are exactly those of the
// selection's WHERE read plainly, in id order.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MENU_FILTERS } from '../../../common/people-filter.ts';
import { selectionQuery, selectionSql, type Selection } from '../../../main/core/bulk/bulk-selection.ts';
import type { Db } from '../../../main/core/db/open-database.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { prng } from '../../../scripts/bench/people-generator.ts';
import { tempDir } from '../harness.ts';
import { fillTrickyPeople } from '../scale/tricky-people.ts';

const NOW = Date.UTC(2026, 0, 1);
let db: Db;
let names: string[];

beforeAll(async () => {
  db = await openDatabase(path.join(tempDir('roster-bulk-selection-'), 'roster.db'));
  names = fillTrickyPeople(db, 1500, 3);
  const rand = prng(9);
  const set = db.prepare('UPDATE users SET role = ?, is_active = ?, password_hash = ?, locked_until = ?, last_login_at = ? WHERE id = ?');
  const code = db.prepare("INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, 'invite', 'h', 0, ?)");
  db.transaction(() => {
    for (const id of db.prepare('SELECT id FROM users').pluck().all() as number[]) {
      const invited = rand() < 0.1;
      set.run(rand() < 0.1 ? 'admin' : 'user', rand() < 0.8 ? 1 : 0, invited ? null : 'x', rand() < 0.05 ? NOW + DAY_MS : null, rand() < 0.5 ? NOW - Math.floor(rand() * 200 * DAY_MS) : null, id);
      if (invited && rand() < 0.5) code.run(id, NOW + (rand() < 0.5 ? 1 : -1) * DAY_MS);
    }
  })();
});
afterAll(() => closeDatabase(db));

const ids = (sql: string, params: unknown[]) => db.prepare(sql).pluck().all(...params) as number[];

describe('the rows of a bulk selection', () => {
  it('are the plain WHERE\'s rows whichever source the plan picks: a filter\'s index, the trigram candidates, the table', () => {
    const sources = new Set<string>();
    const query = fc.oneof(fc.constant(''), fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })).map(([i, len]) => names[i % names.length]!.slice(0, len)));
    fc.assert(
      fc.property(
        fc.constantFrom('active' as const, 'deactivated' as const),
        query,
        fc.option(fc.constantFrom(...MENU_FILTERS), { nil: null }),
        fc.array(fc.integer({ min: 1, max: 1500 }), { maxLength: 5 }),
        (tab, q, filter, except) => {
          const selection: Selection = { kind: 'view', view: { tab, query: q.trim(), filter, sort: 'name', direction: 'asc' }, except };
          const { from, where } = selectionQuery(db, selection, NOW);
          sources.add(from.includes('INDEXED BY') ? 'filter index' : where.sql.includes('users_fts') ? 'trigram candidates' : 'table');
          const plain = selectionSql(selection, NOW);
          expect(ids(`SELECT id FROM ${from} WHERE ${where.sql} ORDER BY id`, where.params)).toEqual(ids(`SELECT id FROM users NOT INDEXED WHERE ${plain.sql} ORDER BY id`, plain.params));
        },
      ),
      { numRuns: 300 },
    );
    expect([...sources].sort()).toEqual(['filter index', 'table', 'trigram candidates']);
  });

  it('ticked ids are read by id', () => {
    const { from, where } = selectionQuery(db, { kind: 'ids', ids: [5, 3, 999_999] }, NOW);
    expect(ids(`SELECT id FROM ${from} WHERE ${where.sql} ORDER BY id`, where.params)).toEqual([3, 5]);
  });
});
