// "Select all N matching" under a People filter: a bulk action acts on exactly the people the list shows for the
// tab, the search AND the filter (one WHERE, main/core/db/people-where.ts), less the rows unticked. The oracle is a
// plain reading of the same rows: the tab and search by an unindexed LIKE, each filter in JavaScript.
import { describe, expect, it } from 'vitest';
import { DAY_MS, MENU_FILTERS, type PeopleFilter } from '../../../common/people-filter.ts';
import type { MethodInput } from '../../../common/contract.ts';
import { prng } from '../../../scripts/bench/people-generator.ts';
import { startTestRoster, type TestRoster } from '../harness.ts';
import { liveInvites, naiveFilter, naiveMatches } from '../scale/naive-people.ts';

type Selection = MethodInput<'runBulk'>['selection'];
const PEOPLE = 80;

/** People in every state the filters look for, in both tabs, half of them with "other" in their address. */
function fillPeople(t: TestRoster, seed: number): void {
  const rand = prng(seed);
  const now = t.clock.now();
  const { db } = t.roster;
  const user = db.prepare(
    `INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, must_change_password, created_at, updated_at, last_login_at, deactivated_at, locked_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const code = db.prepare(`INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at, used_at, locked_at) VALUES (?, 'invite', ?, ?, ?, ?, ?)`);
  const around = () => now + Math.floor((rand() - 0.5) * 60 * DAY_MS);
  db.transaction(() => {
    for (let n = 0; n < PEOPLE; n++) {
      const active = rand() < 0.85;
      const invited = rand() < 0.2;
      const created = now - Math.floor(rand() * 400 * DAY_MS);
      const login = invited || rand() < 0.2 ? null : now - Math.floor(rand() * 300 * DAY_MS);
      const id = Number(
        user.run(
          `P${n}`,
          `Person${n}`,
          `p${n}@${n % 2 ? 'other.test' : 'example.org'}`,
          rand() < 0.15 ? 'admin' : 'user',
          active ? 1 : 0,
          invited ? null : 'hash',
          !invited && rand() < 0.2 ? 1 : 0,
          created,
          created,
          login,
          active ? null : now - DAY_MS,
          rand() < 0.3 ? around() : null, // about half of these lie ahead: locked out now
        ).lastInsertRowid,
      );
      // Live codes, expired, used or locked ones, or none at all.
      if (invited) for (let c = Math.floor(rand() * 3); c > 0; c--) code.run(id, `h${id}-${c}`, created, around(), rand() < 0.2 ? now : null, rand() < 0.2 ? now : null);
    }
  })();
}

/** The oracle: the tab and search by a plain LIKE over the table, then the filter read in JavaScript. */
function oracle(t: TestRoster, tab: 'active' | 'deactivated', query: string, filter: PeopleFilter | null): number[] {
  const now = t.clock.now();
  const live = liveInvites(t.roster.db, now);
  return naiveMatches(t.roster.db, { tab, query, sort: 'name', direction: 'asc' })
    .filter((r) => !filter || naiveFilter(r, filter, now, live))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

const active = (t: TestRoster) => t.roster.db.prepare('SELECT id FROM users WHERE is_active = 1 ORDER BY id').pluck().all() as number[];

const CASES: [PeopleFilter, string][] = [...MENU_FILTERS, { kind: 'noSignInFor', days: 7 } as PeopleFilter].flatMap((f): [PeopleFilter, string][] => [
  [f, ''],
  [f, 'other'],
]);

describe('bulk actions on "all matching" under a People filter', () => {
  it.each(CASES)('%j with search "%s": Deactivate changes exactly the filtered people (less self and the unticked), and Undo puts them back', async (filter, query) => {
    const t = await startTestRoster();
    const admin = await t.admin();
    fillPeople(t, 7);
    const selfId = 1;
    const expected = oracle(t, 'active', query, filter);
    // Not vacuous: the filter finds people besides the admin, and fewer than the tab and search alone.
    const others = expected.filter((id) => id !== selfId);
    expect(others.length, 'people the filter finds').toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(oracle(t, 'active', query, null).length);

    const unticked = others[0]!;
    const selection: Selection = { kind: 'view', view: { tab: 'active', query, filter, sort: 'name', direction: 'asc' }, except: [unticked] };
    const preview = await admin.ok('previewBulk', { selection, action: 'deactivate' });
    expect(preview.count).toBe(expected.length - 1);

    const before = active(t);
    const result = await admin.ok('runBulk', { selection, action: 'deactivate' });
    const changed = others.filter((id) => id !== unticked);
    expect(result).toMatchObject({ matched: expected.length - 1, changed: changed.length, skipped: expected.includes(selfId) ? 1 : 0 });
    expect(before.filter((id) => !active(t).includes(id))).toEqual(changed);
    const audited = t.roster.db.prepare<[], number>("SELECT target_id FROM audit_log WHERE action = 'person_deactivated' ORDER BY target_id").pluck().all();
    expect(audited).toEqual(changed);
    const recorded = t.roster.db.prepare<[], string>("SELECT details FROM audit_log WHERE action = 'bulk_action'").pluck().get()!;
    expect(JSON.parse(recorded)).toMatchObject({ selection: { kind: 'view', tab: 'active', search: query, filter, except: 1 } });

    await admin.ok('undoBulk', { bulkId: result.bulkId! });
    expect(active(t)).toEqual(before);
  });
});
