// Bulk actions through the dispatcher, on a real database and the real worker thread: one transaction each, an
// audit entry per person and one for the action, the self and last-admin rules, mixed statuses, a view that
// changed between select and confirm, Undo, and bad input that never half-writes.
import { describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../common/bulk.ts';
import { MAX_PICKED_IDS } from '../../../common/bulk.ts';
import { ADMIN, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import { databaseSnapshot } from '../database-snapshot.ts';
import { addPerson, addSignedInPerson, makeAdmin, NEW_PASSWORD } from '../people/helpers.ts';
import { BulkRefusal, runBulk } from '../../../main/core/bulk/bulk-write.ts';
import { entries, ids, type Selection } from './bulk-helpers.ts';

const view = (query = '', tab: 'active' | 'deactivated' = 'active'): Selection => ({ kind: 'view', view: { tab, query, sort: 'name', direction: 'asc' } });
const row = (t: TestRoster, id: number) => t.roster.db.prepare<[number], { role: string; is_active: number }>('SELECT role, is_active FROM users WHERE id = ?').get(id)!;

async function team(t: TestRoster, admin: Caller, names: string[]) {
  const people = [];
  for (const n of names) people.push((await addPerson(admin, n, `${n.toLowerCase()}@team.org`)).person);
  return people;
}

describe('bulk actions', () => {
  it('deactivates ticked people in one action: each audited with the action, the action once, their sessions ended', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person: sam, caller: samWindow } = await addSignedInPerson(t, admin, 'Sam');
    const [kim, lee] = await team(t, admin, ['Kim', 'Lee']);
    t.clock.advance(1000);
    const result = await admin.ok('runBulk', { selection: ids(sam, kim!), action: 'deactivate' });
    expect(result).toMatchObject({ action: 'deactivate', matched: 2, changed: 2, unchanged: 0, skipped: 0 });
    expect(result.bulkId).not.toBeNull();
    expect([row(t, sam.id).is_active, row(t, kim!.id).is_active, row(t, lee!.id).is_active]).toEqual([0, 0, 1]);
    expect(entries(t, 'person_deactivated').map((e) => [e.target_id, e.details])).toEqual([
      [sam.id, { bulk: result.bulkId }],
      [kim!.id, { bulk: result.bulkId }],
    ]);
    expect(entries(t, 'bulk_action').map((e) => e.details)).toEqual([
      { action: 'deactivate', selection: { kind: 'ids', people: 2 }, matched: 2, changed: 2, unchanged: 0, skipped: 0 },
    ]);
    expect((await samWindow.call('getMe', {})).ok).toBe(false);
    expect(await admin.ok('tabCounts', {})).toEqual({ active: 2, deactivated: 2 });
  });

  it("skips the admin's own account and lists it with the reason; everyone else matching the view is changed", async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await team(t, admin, ['Kim', 'Lee', 'Max']);
    const preview = await admin.ok('previewBulk', { selection: view(), action: 'deactivate' });
    expect(preview.count).toBe(4);
    expect(preview.first.map((p) => p.name)).toEqual(['Ada Lovelace', 'Kim Tester', 'Lee Tester', 'Max Tester']);
    expect(preview.protected).toEqual([{ id: 1, name: 'Ada Lovelace', email: ADMIN.email, reason: 'self' }]);
    const result = await admin.ok('runBulk', { selection: view(), action: 'deactivate' });
    expect(result).toMatchObject({ matched: 4, changed: 3, skipped: 1, skippedPeople: [{ id: 1, reason: 'self' }] });
    expect(row(t, 1).is_active).toBe(1);
  });

  it('Make User of every admin keeps the acting admin an admin (self rule), so an admin always remains', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const [kim, lee] = await team(t, admin, ['Kim', 'Lee']);
    await makeAdmin(admin, kim!);
    await makeAdmin(admin, lee!);
    const result = await admin.ok('runBulk', { selection: view(), action: 'makeUser' });
    expect(result).toMatchObject({ matched: 3, changed: 2, skipped: 1, skippedPeople: [{ id: 1, reason: 'self' }] });
    expect(t.roster.db.prepare("SELECT id FROM users WHERE role = 'admin'").pluck().all()).toEqual([1]);
    expect(entries(t, 'role_changed').slice(-2).map((e) => e.details)).toEqual([
      { from: 'admin', to: 'user', bulk: result.bulkId },
      { from: 'admin', to: 'user', bulk: result.bulkId },
    ]);
  });

  it('mixed statuses: Make Admin changes active and invited people, leaves admins, skips the deactivated with the reason', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const [active, invitedLater, gone, boss] = await team(t, admin, ['Active', 'Invited', 'Gone', 'Boss']);
    // An invited person: no password yet.
    t.roster.db.prepare('UPDATE users SET password_hash = NULL, must_change_password = 0 WHERE id = ?').run(invitedLater!.id);
    await admin.ok('deactivatePerson', { id: gone!.id });
    await makeAdmin(admin, boss!);
    const result = await admin.ok('runBulk', { selection: ids(active!, invitedLater!, gone!, boss!), action: 'makeAdmin' });
    expect(result).toMatchObject({ matched: 4, changed: 2, unchanged: 1, skipped: 1, skippedPeople: [{ id: gone!.id, reason: 'deactivated' }] });
    expect([active, invitedLater, gone, boss].map((p) => row(t, p!.id).role)).toEqual(['admin', 'admin', 'user', 'admin']);
  });

  it('acts on what the view matches when confirmed, but the rows unticked, and says how many that was', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const other = t.caller();
    await other.ok('signIn', { email: ADMIN.email, password: ADMIN.password }); // a second window of another admin's work
    const [kim, lee, max] = await team(t, admin, ['Kim', 'Lee', 'Max']);
    const selection: Selection = { kind: 'view', view: { tab: 'active', query: 'team.org', sort: 'name', direction: 'asc' }, except: [lee!.id] };
    expect((await admin.ok('previewBulk', { selection, action: 'deactivate' })).count).toBe(2);
    // Between the confirmation and the action: one matching person is added, one leaves the view.
    const { person: newcomer } = await addPerson(other, 'New', 'new@team.org');
    await other.ok('deactivatePerson', { id: max!.id });
    const result = await admin.ok('runBulk', { selection, action: 'deactivate' });
    expect(result).toMatchObject({ matched: 2, changed: 2 });
    expect(t.roster.db.prepare('SELECT target_id FROM audit_log WHERE action = ? AND details LIKE ? ORDER BY target_id').pluck().all('person_deactivated', '%bulk%')).toEqual([kim!.id, newcomer.id]);
    expect(row(t, lee!.id).is_active).toBe(1);
  });

  it('Undo reverts exactly what the action changed, and leaves anyone changed since', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const [kim, lee, max] = await team(t, admin, ['Kim', 'Lee', 'Max']);
    await admin.ok('deactivatePerson', { id: max!.id }); // already deactivated before: not the action's to revert
    t.clock.advance(1000);
    const done = await admin.ok('runBulk', { selection: ids(kim!, lee!, max!), action: 'deactivate' });
    expect(done).toMatchObject({ changed: 2, unchanged: 1 });
    t.clock.advance(1000);
    await admin.ok('editPerson', { id: lee!.id, firstName: 'Leo', lastName: 'Tester', email: 'lee@team.org' }); // changed since
    t.clock.advance(1000);
    expect(await admin.ok('undoBulk', { bulkId: done.bulkId! })).toEqual({ reverted: 1, changedSince: 1 });
    expect([kim, lee, max].map((p) => row(t, p!.id).is_active)).toEqual([1, 0, 0]);
    expect(entries(t, 'person_reactivated').map((e) => [e.target_id, e.details])).toEqual([[kim!.id, { undo: done.bulkId }]]);
    expect(entries(t, 'bulk_undone').map((e) => e.details)).toEqual([{ bulk: done.bulkId, action: 'deactivate', reverted: 1, changedSince: 1 }]);
    // Once only.
    const again = await admin.call('undoBulk', { bulkId: done.bulkId! });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
  });

  it('Undo of a role change restores the role; only the admin who acted may undo, and only within the window', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const [kim] = await team(t, admin, ['Kim']);
    const done = await admin.ok('runBulk', { selection: ids(kim!), action: 'makeAdmin' });
    expect(row(t, kim!.id).role).toBe('admin');
    t.clock.advance(2000);
    expect(await admin.ok('undoBulk', { bulkId: done.bulkId! })).toEqual({ reverted: 1, changedSince: 0 });
    expect(row(t, kim!.id).role).toBe('user');

    const late = await admin.ok('runBulk', { selection: ids(kim!), action: 'makeAdmin' });
    // Another admin (their role change ended their session: they sign in again).
    const { person: bossPerson, caller: boss } = await addSignedInPerson(t, admin, 'Boss');
    await makeAdmin(admin, bossPerson);
    await boss.ok('signIn', { email: bossPerson.email, password: NEW_PASSWORD });
    const notTheirs = await boss.call('undoBulk', { bulkId: late.bulkId! });
    expect(notTheirs.ok ? 'ok' : notTheirs.error.code).toBe('NOT_FOUND');
    t.clock.advance(61_000);
    const refused = await admin.call('undoBulk', { bulkId: late.bulkId! });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CONFLICT');
    expect(row(t, kim!.id).role).toBe('admin');
  });

  it('Sign out everywhere ends every session of those people in one go, an entry for each who had one', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person: sam, caller: samWindow } = await addSignedInPerson(t, admin, 'Sam');
    const [kim] = await team(t, admin, ['Kim']);
    const result = await admin.ok('runBulk', { selection: view(), action: 'signOutEverywhere' });
    expect(result).toMatchObject({ bulkId: null, matched: 3, changed: 1, unchanged: 1, skipped: 1, undoUntil: null });
    expect(entries(t, 'sessions_ended').map((e) => [e.target_id, e.details])).toEqual([[sam.id, { sessions: 1, bulk: true }]]);
    expect((await samWindow.call('getMe', {})).ok).toBe(false);
    expect((await admin.call('getMe', {})).ok).toBe(true);
    expect(row(t, kim!.id).is_active).toBe(1);
  });

  it('while a bulk action holds the database, other writes are refused with BUSY instead of waiting', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const [kim] = await team(t, admin, ['Kim']);
    const running = admin.call('runBulk', { selection: view(), action: 'makeAdmin' });
    const edit = await admin.call('editPerson', { id: kim!.id, firstName: 'Kimberly', lastName: 'Tester', email: kim!.email });
    const second = await admin.call('runBulk', { selection: view(), action: 'deactivate' });
    expect([edit.ok ? 'ok' : edit.error.code, second.ok ? 'ok' : second.error.code]).toEqual(['BUSY', 'BUSY']);
    expect(((await running) as { ok: true; value: BulkResult }).value.changed).toBe(1);
  });
});

describe('bulk actions refuse bad input without writing anything', () => {
  const BAD: [string, unknown][] = [
    ['an unknown action', { selection: { kind: 'ids', ids: [2] }, action: 'delete' }],
    ['an empty tick list', { selection: { kind: 'ids', ids: [] }, action: 'deactivate' }],
    ['a person ticked twice', { selection: { kind: 'ids', ids: [2, 2] }, action: 'deactivate' }],
    ['more ids than a tick list holds', { selection: { kind: 'ids', ids: Array.from({ length: MAX_PICKED_IDS + 1 }, (_, i) => i + 1) }, action: 'deactivate' }],
    ['a fractional id', { selection: { kind: 'ids', ids: [2.5] }, action: 'deactivate' }],
    ['an unknown selection kind', { selection: { kind: 'everyone' }, action: 'deactivate' }],
    ['a view with an unknown tab', { selection: { kind: 'view', view: { tab: 'all', query: '', sort: 'name', direction: 'asc' } }, action: 'deactivate' }],
    ['a view with a control character in the search', { selection: { kind: 'view', view: { tab: 'active', query: 'a\u0000', sort: 'name', direction: 'asc' } }, action: 'deactivate' }],
    ['a view with an unknown filter', { selection: { kind: 'view', view: { tab: 'active', query: '', filter: { kind: 'everyone' }, sort: 'name', direction: 'asc' } }, action: 'deactivate' }],
    ['a view idle for 0 days', { selection: { kind: 'view', view: { tab: 'active', query: '', filter: { kind: 'noSignInFor', days: 0 }, sort: 'name', direction: 'asc' } }, action: 'deactivate' }],
    ['a view idle for a fraction of a day', { selection: { kind: 'view', view: { tab: 'active', query: '', filter: { kind: 'noSignInFor', days: 1.5 }, sort: 'name', direction: 'asc' } }, action: 'deactivate' }],
    ['a filter with SQL in an extra field', { selection: { kind: 'view', view: { tab: 'active', query: '', filter: { kind: 'admins', sql: '1=1' }, sort: 'name', direction: 'asc' } }, action: 'deactivate' }],
    ['an extra field', { selection: { kind: 'ids', ids: [2] }, action: 'deactivate', force: true }],
  ];
  it.each(BAD)('%s', async (_what, payload) => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await team(t, admin, ['Kim']);
    const before = databaseSnapshot(t);
    for (const method of ['previewBulk', 'runBulk', 'exportSelectedPeople']) {
      const result = await admin.raw(method, payload);
      expect(result.ok ? 'ok' : result.error.code, method).toBe('VALIDATION');
    }
    expect(databaseSnapshot(t)).toBe(before);
  });

  it('a failure in the middle of the write rolls all of it back (people, sessions, codes, audit, undo record)', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const people = await team(t, admin, ['Kim', 'Lee', 'Max']);
    // The third person's change fails inside the transaction, after two were written.
    t.roster.db.exec(`CREATE TRIGGER fail_third AFTER UPDATE OF is_active ON users WHEN new.id = ${people[2]!.id} BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const before = databaseSnapshot(t);
    const result = await admin.call('runBulk', { selection: view('team.org'), action: 'deactivate' });
    expect(result.ok ? 'ok' : result.error.code).toBe('INTERNAL');
    expect(databaseSnapshot(t)).toBe(before);
  });

  it('an admin who lost the role before the write changes no one: the write reads the actor again inside its transaction', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const [kim] = await team(t, admin, ['Kim']);
    const before = databaseSnapshot(t);
    // The write itself, as the worker runs it, for an actor who is no admin (demoted after the dispatcher let them in).
    expect(() => runBulk(t.roster.db, { actorId: kim!.id, action: 'deactivate', selection: { kind: 'ids', ids: [1] }, now: t.clock.now(), judgeAt: t.clock.now() }, () => {})).toThrow(BulkRefusal);
    expect(databaseSnapshot(t)).toBe(before);
  });
});
