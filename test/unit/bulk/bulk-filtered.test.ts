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

/** Three people a filter's line passes `inMs` from now: idle for 30 days, a lockout lifting, an invite expiring. */
function atTheLines(t: TestRoster, inMs: number): void {
  const now = t.clock.now();
  const { db } = t.roster;
  const add = (n: string, passwordHash: string | null, lastLogin: number | null, lockedUntil: number | null) =>
    Number(
      db
        .prepare(`INSERT INTO users (first_name, last_name, email, role, password_hash, created_at, updated_at, last_login_at, locked_until) VALUES ('Edge', ?, ?, 'user', ?, ?, ?, ?, ?)`)
        .run(n, `${n.toLowerCase()}@edge.test`, passwordHash, now - 400 * DAY_MS, now, lastLogin, lockedUntil).lastInsertRowid,
    );
  add('Idle', 'hash', now - 30 * DAY_MS + inMs, null);
  add('Locked', 'hash', now, now + inMs);
  const invited = add('Invited', null, null, null);
  db.prepare(`INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, 'invite', 'edge', ?, ?)`).run(invited, now, now + inMs);
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

  it.each([{ kind: 'noSignInFor', days: 30 }, { kind: 'lockedOut' }, { kind: 'invitePending' }] as PeopleFilter[])(
    '%j is judged at the preview\'s moment: people who cross its line while the confirmation is open are left alone',
    async (filter) => {
      const t = await startTestRoster();
      const admin = await t.admin();
      fillPeople(t, 11);
      atTheLines(t, 5 * 60_000);
      const selection: Selection = { kind: 'view', view: { tab: 'active', query: '', filter, sort: 'name', direction: 'asc' }, except: [] };
      const confirmed = oracle(t, 'active', '', filter).filter((id) => id !== 1);
      const preview = await admin.ok('previewBulk', { selection, action: 'deactivate' });
      t.clock.advance(10 * 60_000); // ten minutes with the dialog open
      const later = oracle(t, 'active', '', filter).filter((id) => id !== 1);
      expect(later, 'not vacuous: the line moved while the dialog was open').not.toEqual(confirmed);
      const before = active(t);
      await admin.ok('runBulk', { selection, action: 'deactivate', asOf: preview.asOf });
      expect(before.filter((id) => !active(t).includes(id))).toEqual(confirmed);
      const recorded = t.roster.db.prepare<[], string>("SELECT details FROM audit_log WHERE action = 'bulk_action'").pluck().get()!;
      expect(JSON.parse(recorded)).toMatchObject({ judgedAt: new Date(preview.asOf).toISOString() });
    },
  );

  it('a confirmation older than its time is refused, and one dated in the future too', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    fillPeople(t, 3);
    const selection: Selection = { kind: 'view', view: { tab: 'active', query: 'other', sort: 'name', direction: 'asc' }, except: [] };
    const preview = await admin.ok('previewBulk', { selection, action: 'deactivate' });
    const before = active(t);
    expect(await admin.call('runBulk', { selection, action: 'deactivate', asOf: preview.asOf + 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    t.clock.advance(16 * 60_000);
    expect(await admin.call('runBulk', { selection, action: 'deactivate', asOf: preview.asOf })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(active(t)).toEqual(before);
  });
});
