// Resend invites to a selection, through the dispatcher, on a real database, the real bulk worker and a real SMTP
// sink: new codes for the invited people only (the rest skipped and listed with why), in one transaction with an
// audit entry each and one for the action; then the emails in the background, their failures counted and listed
// with their codes revoked; without email, the codes offered once as a download. Bad input never half-writes.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ResendStatus } from '../../../common/bulk.ts';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { databaseSnapshot } from '../database-snapshot.ts';
import { BOB, emailWorld, NEW_PASSWORD, withBob } from '../email/email-harness.ts';
import { GOOD_PASSWORD, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import { HeldDelivery } from '../held-delivery.ts';
import { addPerson, makeAdmin } from '../people/helpers.ts';
import { entries, ids, type Selection } from './bulk-helpers.ts';

const liveCodes = (t: TestRoster, userId: number) => t.roster.db.prepare('SELECT COUNT(*) FROM one_time_codes WHERE user_id = ? AND used_at IS NULL').pluck().get(userId) as number;

/** Asks after a resend until `done` says so (the emails go out in the background). */
async function until(admin: Caller, batchId: string, done: (s: ResendStatus) => boolean): Promise<ResendStatus> {
  for (let i = 0; i < 400; i++) {
    const s = await admin.ok('resendInvitesStatus', { batchId });
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the resend never got there');
}

/** An invited person (added with email set up: an invite code is on its way), and the code of that first invite. */
async function invited(world: Awaited<ReturnType<typeof emailWorld>>, firstName: string) {
  const email = `${firstName.toLowerCase()}@example.org`;
  const { person } = await world.admin.ok('addPerson', { firstName, lastName: 'Tester', email });
  const code = codeIn(await world.sink.waitForMessage((m) => m.to.includes(email)));
  return { person, code };
}

describe('bulk Resend invites, by email', () => {
  it('mixed statuses: only invited people get a new invite (their old code stops working); the rest are skipped with why', async () => {
    const world = await emailWorld();
    const { t, sink, admin } = world;
    const kim = await invited(world, 'Kim');
    const lee = await invited(world, 'Lee');
    const gone = await invited(world, 'Gone');
    await admin.ok('revokeInvite', { id: gone.person.id }); // deactivated: reactivate first
    const { id: bobId } = await withBob(world); // accepted his invite: has a password
    sink.messages.length = 0;

    const result = await admin.ok('runBulk', { selection: ids(kim.person, lee.person, gone.person, { id: bobId }, { id: 1 }), action: 'resendInvites' });
    expect(result).toMatchObject({ action: 'resendInvites', bulkId: null, undoUntil: null, matched: 5, changed: 2, unchanged: 0, skipped: 3 });
    expect(result.skippedPeople.map((p) => [p.id, p.reason])).toEqual([
      [1, 'notInvited'],
      [gone.person.id, 'deactivated'],
      [bobId, 'notInvited'],
    ]);
    expect(result.invites).toMatchObject({ byEmail: true, total: 2, codes: 'none' });
    // One live code each: the new one (the first is revoked, not merely outranked).
    expect([liveCodes(t, kim.person.id), liveCodes(t, lee.person.id)]).toEqual([1, 1]);

    const done = await until(admin, result.invites!.batchId, (s) => s.pending === 0);
    expect(done).toMatchObject({ sent: 2, failed: 0, failures: [] });
    expect(sink.messages.map((m) => m.to).sort()).toEqual([['kim@example.org'], ['lee@example.org']]);
    // Kim's first code no longer works; the new one does.
    const kimWindow = t.caller();
    const old = await kimWindow.call('redeemCode', { email: 'kim@example.org', code: kim.code, newPassword: NEW_PASSWORD });
    expect(old.ok).toBe(false);
    const fresh = codeIn(await sink.waitForMessage((m) => m.to.includes('kim@example.org')));
    await kimWindow.ok('redeemCode', { email: 'kim@example.org', code: fresh, newPassword: NEW_PASSWORD });

    // An entry per person in the transaction, one for the action, and one per email that went out.
    expect(entries(t, 'invite_renewed').map((e) => [e.target_id, e.details])).toEqual([
      [kim.person.id, { to: 'kim@example.org', delivery: 'email', bulk: true }],
      [lee.person.id, { to: 'lee@example.org', delivery: 'email', bulk: true }],
    ]);
    expect(entries(t, 'bulk_action').map((e) => e.details)).toEqual([
      { action: 'resendInvites', selection: { kind: 'ids', people: 5 }, matched: 5, changed: 2, unchanged: 0, skipped: 3, delivery: 'email' },
    ]);
    expect(entries(t, 'invite_resent').map((e) => [e.target_id, e.details.via]).sort()).toEqual([
      [kim.person.id, 'bulk'],
      [lee.person.id, 'bulk'],
    ]);
    // No code reaches the audit log.
    const log = t.roster.db.prepare('SELECT details FROM audit_log').pluck().all().join('\n');
    expect(log).not.toContain(fresh);
  });

  it('someone who accepted their invite between the confirmation and the action is skipped as not invited', async () => {
    const world = await emailWorld();
    const { t, admin } = world;
    const kim = await invited(world, 'Kim');
    const lee = await invited(world, 'Lee');
    const selection: Selection = { kind: 'view', view: { tab: 'active', query: '', filter: { kind: 'invitePending' }, sort: 'name', direction: 'asc' } };
    const preview = await admin.ok('previewBulk', { selection, action: 'resendInvites' });
    expect(preview).toMatchObject({ count: 2, protected: [] });
    // Meanwhile Lee accepts.
    await t.caller().ok('redeemCode', { email: 'lee@example.org', code: lee.code, newPassword: NEW_PASSWORD });
    const result = await admin.ok('runBulk', { selection: { kind: 'ids', ids: [kim.person.id, lee.person.id] }, action: 'resendInvites', asOf: preview.asOf });
    expect(result).toMatchObject({ changed: 1, skipped: 1, skippedPeople: [{ id: lee.person.id, reason: 'notInvited' }] });
    expect(liveCodes(t, lee.person.id)).toBe(0);
    await until(admin, result.invites!.batchId, (s) => s.pending === 0);
  });

  it('failed emails are counted and the first few listed with why; their new codes are revoked; nothing crashes', async () => {
    const world = await emailWorld({ silentServer: true });
    const { t, sink, admin } = world;
    const kim = await invited(world, 'Kim');
    const lee = await invited(world, 'Lee');
    sink.mode = 'slow'; // the server never answers: each send times out
    const result = await admin.ok('runBulk', { selection: ids(kim.person, lee.person), action: 'resendInvites' });
    expect(result.changed).toBe(2);
    const done = await until(admin, result.invites!.batchId, (s) => s.pending === 0);
    expect(done).toMatchObject({ sent: 0, failed: 2 });
    expect(done.failures.map((f) => f.name)).toEqual(['Kim Tester', 'Lee Tester']);
    expect(done.failures[0]!.reason).toMatch(/mail server/i);
    expect([liveCodes(t, kim.person.id), liveCodes(t, lee.person.id)]).toEqual([0, 0]);
    expect(entries(t, 'email_send_failed').map((e) => e.details)).toEqual([
      { purpose: 'invite', reason: 'SMTP_TIMEOUT', via: 'bulk' },
      { purpose: 'invite', reason: 'SMTP_TIMEOUT', via: 'bulk' },
    ]);
    // Still invited: Resend invite on their row (or again in bulk) works once the server answers.
    sink.mode = 'ok';
    expect((await admin.ok('resendInvite', { id: kim.person.id })).delivery).toMatchObject({ kind: 'emailSent' });
  }, 30_000);
});

describe('bulk Resend invites while the database is held', () => {
  it('emails still queued wait for another bulk action to finish, then go out: none is failed for it', async () => {
    const world = await emailWorld();
    const { t, admin } = world;
    const people = [];
    for (const name of ['Kim', 'Lee', 'Max', 'Ned', 'Oda', 'Pia']) people.push((await invited(world, name)).person);
    const { id: bobId } = await withBob(world); // someone for the other action to change
    const resend = await admin.ok('runBulk', { selection: ids(...people), action: 'resendInvites' });
    // At once, while the emails go out: a bulk action whose worker holds the database (BUSY for main's writes).
    const deactivated = await admin.ok('runBulk', { selection: ids({ id: bobId }), action: 'deactivate' });
    expect(deactivated.changed).toBe(1);
    const done = await until(admin, resend.invites!.batchId, (s) => s.pending === 0);
    expect(done).toMatchObject({ sent: 6, failed: 0 });
    expect(entries(t, 'invite_resent')).toHaveLength(6);
  });
});

describe('bulk Resend invites, without email', () => {
  async function world() {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const admin = await t.admin();
    const { person: kim } = await addPerson(admin, 'Kim');
    const { person: lee } = await addPerson(admin, 'Lee');
    // Invited people (as an import without email leaves them): no password, an invite code handed out before.
    t.roster.db.prepare('UPDATE users SET password_hash = NULL, must_change_password = 0, temporary_password_expires_at = NULL WHERE id IN (?, ?)').run(kim.id, lee.id);
    return { t, admin, delivery, kim, lee };
  }

  it('the new codes are offered once as a CSV download, and each lets its person choose a password', async () => {
    const { t, admin, delivery, kim, lee } = await world();
    const result = await admin.ok('runBulk', { selection: ids(kim, lee), action: 'resendInvites' });
    expect(result.invites).toMatchObject({ byEmail: false, total: 2, sent: 0, pending: 0, codes: 'available' });
    const batchId = result.invites!.batchId;
    // Asked twice at once (a double click): one download, the other refused rather than a file without the codes.
    const [one, two] = await Promise.all([admin.call('resendInviteCodes', { batchId }), admin.call('resendInviteCodes', { batchId })]);
    expect([one.ok, two.ok ? 'ok' : two.error.code]).toEqual([true, 'CONFLICT']);
    const rows = Papa.parse<string[]>((await delivery.bytes()).subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    expect(rows.map((r) => r[2])).toEqual(['Email', 'kim@example.org', 'lee@example.org']);
    expect((await admin.ok('resendInvitesStatus', { batchId })).codes).toBe('taken');
    expect(await admin.call('resendInviteCodes', { batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.caller().ok('redeemCode', { email: 'lee@example.org', code: rows[2]![3]!, newPassword: NEW_PASSWORD });
    expect(entries(t, 'invite_renewed').map((e) => e.details.delivery)).toEqual(['invite_code', 'invite_code']);
  });

  it("another admin cannot follow a resend or download its codes; unknown or malformed handles are refused", async () => {
    const { t, admin, kim } = await world();
    const result = await admin.ok('runBulk', { selection: ids(kim), action: 'resendInvites' });
    const { person: boss } = await addPerson(admin, 'Boss');
    await makeAdmin(admin, boss);
    t.roster.db.prepare('UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = 1), must_change_password = 0 WHERE id = ?').run(boss.id);
    const other = t.caller();
    await other.ok('signIn', { email: boss.email, password: GOOD_PASSWORD });
    for (const method of ['resendInvitesStatus', 'resendInviteCodes'] as const) {
      expect(await other.call(method, { batchId: result.invites!.batchId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await admin.call(method, { batchId: 'x'.repeat(22) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      for (const bad of [{}, { batchId: '' }, { batchId: 'short' }, { batchId: '../../etc/passwd-000000' }, { batchId: 42 }, { batchId: 'x'.repeat(22), extra: 1 }]) {
        const r = await admin.raw(method, bad);
        expect(r.ok ? 'ok' : r.error.code, JSON.stringify(bad)).toBe('VALIDATION');
      }
    }
    expect((await admin.ok('resendInvitesStatus', { batchId: result.invites!.batchId })).codes).toBe('available');
  });

  it('a failure in the middle of the write rolls all of it back: no code, no entry, nothing to download', async () => {
    const { t, admin, kim, lee } = await world();
    const before = databaseSnapshot(t);
    t.roster.db.exec(`CREATE TRIGGER fail_second AFTER INSERT ON audit_log WHEN new.action = 'invite_renewed' AND new.target_id = ${lee.id} BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const result = await admin.call('runBulk', { selection: ids(kim, lee), action: 'resendInvites' });
    expect(result.ok ? 'ok' : result.error.code).toBe('INTERNAL');
    t.roster.db.exec('DROP TRIGGER fail_second');
    expect(databaseSnapshot(t)).toBe(before);
  });
});

it('Bob, an active person with a password, is never sent an invite by a bulk resend', async () => {
  const world = await emailWorld();
  const { id } = await withBob(world);
  const result = await world.admin.ok('runBulk', { selection: { kind: 'ids', ids: [id] }, action: 'resendInvites' });
  expect(result).toMatchObject({ changed: 0, skipped: 1, invites: { total: 0, sent: 0, pending: 0 } });
  expect(world.sink.messages.filter((m) => m.to.includes(BOB.email))).toEqual([]);
});
