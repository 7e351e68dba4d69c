// Two requests at once. Where a service awaits the password hasher between its check and its write, both
// requests are parked in that gap together (HeldHasher), then let go one at a time: the race really happens.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../common/errors.ts';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { BOB, emailWorld, startSink } from '../email/email-harness.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import type { RosterOptions } from '../../../main/core/roster.ts';
import { HeldHasher } from '../held-hasher.ts';
import { addSignedInPerson, makeAdmin, NEW_PASSWORD } from '../people/helpers.ts';

/**
 * Starts two calls while the hasher holds, waits until both are inside the hash gap at the same time, lets the
 * first arrival finish its write while the other still waits, then lets the other go.
 */
async function raceThroughHashGap(hasher: HeldHasher, start: () => Promise<Result<unknown>>[]) {
  hasher.hold();
  const calls = start();
  const ended = calls.map(() => false);
  calls.forEach((call, i) => void call.then(() => (ended[i] = true)));
  const outcome = await Promise.race([hasher.whenParked(2).then(() => 'both parked'), ...calls.map((c) => c.then(() => 'one ended first'))]);
  expect(outcome, 'both calls must be inside the hash gap at once, or nothing raced').toBe('both parked');

  hasher.letOneGo();
  const first = await Promise.race(calls.map((call, i) => call.then(() => i)));
  expect(ended[1 - first], 'the other call was still inside the gap while the first one wrote').toBe(false);
  hasher.release();
  const results = await Promise.all(calls);
  return { first: results[first]!, second: results[1 - first]! };
}

const count = (t: TestRoster, sql: string, ...params: unknown[]) => t.roster.db.prepare(sql).pluck().get(...params) as number;

describe('two requests inside the same hash gap', () => {
  it('two first-admin creations at once: one admin, the other is told ALREADY_SET_UP', async () => {
    const hasher = new HeldHasher();
    const t = await startTestRoster({ hasher });
    const [ada, eve] = [t.caller(), t.caller()];
    const { first, second } = await raceThroughHashGap(hasher, () => [
      ada.call('createFirstAdmin', ADMIN),
      eve.call('createFirstAdmin', { firstName: 'Eve', lastName: 'Else', email: 'eve@example.org', password: NEW_PASSWORD }),
    ]);
    expect(first).toMatchObject({ ok: true, value: { role: 'admin' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(count(t, 'SELECT COUNT(*) FROM users')).toBe(1);
    expect(count(t, "SELECT COUNT(*) FROM audit_log WHERE action = 'first_admin_created'")).toBe(1);
    expect([ada, eve].filter((c) => c.slot.get() !== undefined)).toHaveLength(1); // only the winner is signed in
  });

  it('two redemptions of the same code at once: one sets the password, the other is told INVALID_CODE', async () => {
    const hasher = new HeldHasher();
    const { t, sink, admin } = await emailWorld({ roster: { hasher } });
    await admin.ok('addPerson', BOB);
    const code = codeIn(await sink.waitForMessage((m) => m.to.includes(BOB.email)));
    const passwords = [GOOD_PASSWORD, NEW_PASSWORD];
    const [one, two] = [t.caller(), t.caller()];
    const { first, second } = await raceThroughHashGap(hasher, () => [
      one.call('redeemCode', { email: BOB.email, code, newPassword: passwords[0]! }),
      two.call('redeemCode', { email: BOB.email, code, newPassword: passwords[1]! }),
    ]);
    expect(first).toMatchObject({ ok: true, value: { email: BOB.email } });
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(count(t, "SELECT COUNT(*) FROM audit_log WHERE action = 'invite_redeemed'")).toBe(1);
    expect(count(t, 'SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', BOB.email)).toBe(1);
    // The password that counts is the winner's; the loser's never worked.
    const signIns = await Promise.all(passwords.map((password) => t.caller().call('signIn', { email: BOB.email, password })));
    expect(signIns.filter((r) => r.ok)).toHaveLength(1);
  });

  it('two additions of the same email at once: one person, the other is told EMAIL_TAKEN', async () => {
    const hasher = new HeldHasher();
    const t = await startTestRoster({ hasher });
    const first = await t.admin();
    const second = t.caller(); // the same admin in a second window
    await second.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    const results = await raceThroughHashGap(hasher, () => [
      first.call('addPerson', { firstName: 'Sam', lastName: 'Same', email: 'sam@example.org' }),
      second.call('addPerson', { firstName: 'Samuel', lastName: 'Same', email: 'SAM@example.org' }),
    ]);
    expect(results.first).toMatchObject({ ok: true, value: { person: { email: 'sam@example.org' } } });
    expect(results.second).toMatchObject({ ok: false, error: { code: 'EMAIL_TAKEN', field: 'email' } });
    expect(count(t, "SELECT COUNT(*) FROM users WHERE email = 'sam@example.org'")).toBe(1);
    expect(count(t, "SELECT COUNT(*) FROM audit_log WHERE action = 'person_added'")).toBe(1);
  });
});

type Move = 'demotes' | 'deactivates';

function act(actor: Caller, move: Move, targetId: number) {
  return move === 'demotes'
    ? actor.call('setRole', { id: targetId, role: 'user', expectedRole: 'admin' })
    : actor.call('deactivatePerson', { id: targetId });
}

/** Ada (first admin) and Bee, both active admins, each signed in in their own window. */
async function twoAdmins(options: Partial<RosterOptions> = {}) {
  const t = await startTestRoster(options);
  const ada = await t.admin();
  const { person } = await addSignedInPerson(t, ada, 'Bee');
  await makeAdmin(ada, person); // ends Bee's session: she signs in again as an admin
  const bee = t.caller();
  await bee.ok('signIn', { email: person.email, password: NEW_PASSWORD });
  const adaId = (await ada.ok('getMe', {})).userId;
  return { t, ada, bee, adaId, beeId: person.id };
}

const activeAdmins = (t: TestRoster) => count(t, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1");

describe('two admins acting on each other at once', () => {
  // Demoting and deactivating have no await between the dispatcher's session check and their IMMEDIATE
  // transaction, and one process owns a data folder (its lock), so two such calls cannot interleave: they run
  // one after the other, in either order. The first test pins that; if it fails, an await has crept in and
  // these calls need a held-gap race test like the ones above.
  it.each<Move>(['demotes', 'deactivates'])('an admin who %s another has written before the call yields', async (move) => {
    const { t, ada, beeId } = await twoAdmins();
    const pending = act(ada, move, beeId);
    const bee = t.roster.db.prepare('SELECT role, is_active FROM users WHERE id = ?').get(beeId);
    expect(bee).toEqual(move === 'demotes' ? { role: 'user', is_active: 1 } : { role: 'admin', is_active: 0 });
    expect(await pending).toMatchObject({ ok: true });
  });

  const pairs: [Move, Move, 'Ada' | 'Bee'][] = [];
  for (const adaMove of ['demotes', 'deactivates'] as Move[]) {
    for (const beeMove of ['demotes', 'deactivates'] as Move[]) pairs.push([adaMove, beeMove, 'Ada'], [adaMove, beeMove, 'Bee']);
  }
  it.each(pairs)('Ada %s Bee while Bee %s Ada (%s first): one admin remains, the other call is refused', async (adaMove, beeMove, firstMover) => {
    const { t, ada, bee, adaId, beeId } = await twoAdmins();
    const adaCall = () => act(ada, adaMove, beeId);
    const beeCall = () => act(bee, beeMove, adaId);
    const [adaResult, beeResult] =
      firstMover === 'Ada' ? await Promise.all([adaCall(), beeCall()]) : await Promise.all([beeCall(), adaCall()]).then(([b, a]) => [a, b]);
    const [winner, loser] = firstMover === 'Ada' ? [adaResult, beeResult] : [beeResult, adaResult];
    expect(winner).toMatchObject({ ok: true });
    // The winner's change ended the loser's session, so the loser's call never reached the service.
    expect(loser).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(activeAdmins(t)).toBe(1);
    const survivor = firstMover === 'Ada' ? adaId : beeId;
    expect(t.roster.db.prepare('SELECT role, is_active FROM users WHERE id = ?').get(survivor)).toEqual({ role: 'admin', is_active: 1 });
  });
});

describe('an admin who loses the role while their request waits in the hash gap', () => {
  // The dispatcher checks the caller when the request arrives; the write happens after the hash. A demotion or
  // deactivation in between must still stop the write, or a former admin finishes an admin-only action.
  it.each<Move>(['demotes', 'deactivates'])("Ada %s Bee while Bee's reset of Ada's password waits: Bee gets no password for Ada", async (move) => {
    const hasher = new HeldHasher();
    const { t, ada, bee, adaId, beeId } = await twoAdmins({ hasher });
    const adaHash = t.roster.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(adaId);

    hasher.hold();
    const reset = bee.call('resetPassword', { id: adaId });
    await hasher.whenParked(1);
    expect(await act(ada, move, beeId)).toMatchObject({ ok: true });
    hasher.release();

    expect(await reset, "Bee's reset of Ada's password went through").toMatchObject({ ok: false });
    expect(t.roster.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(adaId)).toBe(adaHash);
    expect(await ada.call('getMe', {})).toMatchObject({ ok: true }); // Ada was not signed out by it
  });

  it("Ada deactivates Bee while Bee's addition of a person waits: nobody is added by a deactivated admin", async () => {
    const hasher = new HeldHasher();
    const { t, ada, bee, beeId } = await twoAdmins({ hasher });

    hasher.hold();
    const added = bee.call('addPerson', { firstName: 'Zed', lastName: 'Late', email: 'zed@example.org' });
    await hasher.whenParked(1);
    expect(await act(ada, 'deactivates', beeId)).toMatchObject({ ok: true });
    hasher.release();

    expect(await added, "Bee's addition went through").toMatchObject({ ok: false });
    expect(count(t, "SELECT COUNT(*) FROM users WHERE email = 'zed@example.org'")).toBe(0);
  });
});

describe('an admin who loses the role while their email settings wait for the mail server', () => {
  // Saving tests the connection first, then writes: the write re-checks the caller (ctx.transaction), so a demotion
  // or deactivation while the mail server is being reached stops it.
  it.each<Move>(['demotes', 'deactivates'])("Ada %s Bee while Bee's new email settings are being tested: the settings stay as they were", async (move) => {
    const sink = await startSink();
    // A long SMTP timeout: the held connection must be released by the test, never time out on a busy machine.
    const { t, ada, bee, beeId } = await twoAdmins({ smtpTimeoutMs: 30_000 });
    await ada.ok('saveEmailSettings', sink.settings({ fromName: 'Roster at Example' }));
    const saved = count(t, "SELECT COUNT(*) FROM audit_log WHERE action = 'email_settings_saved'");

    sink.hold();
    const save = bee.call('saveEmailSettings', sink.settings({ fromName: 'Changed by Bee' }));
    await sink.whenHeld(1); // Bee's connection test is talking to the server
    expect(await act(ada, move, beeId)).toMatchObject({ ok: true });
    sink.release();

    expect(await save, "Bee's settings were saved after she lost the admin role").toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await ada.ok('getEmailSettings', {})).toMatchObject({ fromName: 'Roster at Example' });
    expect(count(t, "SELECT COUNT(*) FROM audit_log WHERE action = 'email_settings_saved'")).toBe(saved);
  });
});
