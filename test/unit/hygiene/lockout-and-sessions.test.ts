// Locked out, Unlock, Sign out everywhere and one's own sessions, through the dispatcher like the UI calls them.
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../../main/core/auth/login-throttle.ts';
import { ADMIN, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import { addSignedInPerson, auditActions, NEW_PASSWORD } from '../people/helpers.ts';

async function lockOut(t: TestRoster, email: string) {
  for (let i = 0; i < FREE_FAILURES; i++) await t.caller().call('signIn', { email, password: 'wrong password, again' });
}

const lockedRow = (t: TestRoster, id: number) => t.roster.db.prepare('SELECT locked_until FROM users WHERE id = ?').pluck().get(id) as number | null;

async function lockedPerson() {
  const t = await startTestRoster();
  const admin = await t.admin();
  const { person, caller } = await addSignedInPerson(t, admin, 'Lou');
  await lockOut(t, person.email);
  return { t, admin, person, caller };
}

describe('Locked out', () => {
  it('a person the throttle holds back carries when it lifts, and the Locked out filter finds them', async () => {
    const { t, admin, person } = await lockedPerson();
    const refused = await t.caller().call('signIn', { email: person.email, password: NEW_PASSWORD });
    expect(refused).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    const page = await admin.ok('listPeople', { tab: 'active', pageSize: 25, filter: { kind: 'lockedOut' } });
    expect(page.rows.map((r) => r.id)).toEqual([person.id]);
    expect(Date.parse(page.rows[0]!.lockedUntil!)).toBe(lockedRow(t, person.id));
    expect(Date.parse(page.rows[0]!.lockedUntil!)).toBeGreaterThan(t.clock.now());
    expect(await admin.ok('countPeople', { tab: 'active', filter: { kind: 'lockedOut' } })).toEqual({ total: 1 });
  });

  it('a person added with an address already held back (guessed at before they existed) shows as locked, and Unlock frees it', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await lockOut(t, 'newcomer@example.org');
    const { person } = await admin.ok('addPerson', { firstName: 'New', lastName: 'Comer', email: 'newcomer@example.org' });
    expect(person.lockedUntil).not.toBeNull();
    const page = await admin.ok('listPeople', { tab: 'active', pageSize: 25, filter: { kind: 'lockedOut' } });
    expect(page.rows.map((r) => r.id)).toEqual([person.id]);
    expect((await admin.ok('unlockPerson', { id: person.id })).lockedUntil).toBeNull();
  });

  it('drops out of the Locked out filter once the lock lifts by itself', async () => {
    const { t, admin, person } = await lockedPerson();
    t.clock.advance(Date.parse((await admin.ok('listPeople', { tab: 'active', pageSize: 25, filter: { kind: 'lockedOut' } })).rows[0]!.lockedUntil!) - t.clock.now());
    expect(await admin.ok('countPeople', { tab: 'active', filter: { kind: 'lockedOut' } })).toEqual({ total: 0 });
    await t.caller().ok('signIn', { email: person.email, password: NEW_PASSWORD });
  });

  it('Unlock lets the person sign in at once, clears the chip and is audited', async () => {
    const { t, admin, person } = await lockedPerson();
    const unlocked = await admin.ok('unlockPerson', { id: person.id });
    expect(unlocked.lockedUntil).toBeNull();
    expect(lockedRow(t, person.id)).toBeNull();
    await t.caller().ok('signIn', { email: person.email, password: NEW_PASSWORD });
    expect(auditActions(t, person.id)).toContain('person_unlocked');
  });

  it('Unlock of someone who is not locked is a CONFLICT and records nothing', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addSignedInPerson(t, admin, 'Free');
    expect(await admin.call('unlockPerson', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(auditActions(t, person.id)).not.toContain('person_unlocked');
  });

  it("an admin's successful password reset clears the lockout", async () => {
    const { t, admin, person } = await lockedPerson();
    const { delivery, person: after } = await admin.ok('resetPassword', { id: person.id });
    expect(after.lockedUntil).toBeNull();
    if (delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
    await t.caller().ok('signIn', { email: person.email, password: delivery.temporaryPassword });
    const details = t.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'password_reset'").pluck().get() as string;
    expect(JSON.parse(details)).toMatchObject({ unlocked: true });
  });

  it('the lock follows the address: after an email change the person is no longer shown locked', async () => {
    const { t, admin, person } = await lockedPerson();
    const { person: edited } = await admin.ok('editPerson', { id: person.id, firstName: 'Lou', lastName: 'Tester', email: 'lou.new@example.org' });
    expect(edited.lockedUntil).toBeNull();
    expect(lockedRow(t, person.id)).toBeNull();
  });
});

describe('Sign out everywhere', () => {
  it("ends every session of the person: their windows are asked to sign in again; audited with the count", async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, caller } = await addSignedInPerson(t, admin, 'Sam');
    const second = t.caller();
    await second.ok('signIn', { email: person.email, password: NEW_PASSWORD });
    expect(await admin.ok('signOutEverywhere', { id: person.id })).toMatchObject({ sessionsEnded: 2 });
    for (const c of [caller, second]) expect(await c.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const details = t.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'sessions_ended'").pluck().get() as string;
    expect(JSON.parse(details)).toEqual({ sessions: 2 });
  });

  it('is refused for the admin themself (SELF_ACTION), who keeps their session', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const me = await admin.ok('getMe', {});
    expect(await admin.call('signOutEverywhere', { id: me.userId })).toMatchObject({ ok: false, error: { code: 'SELF_ACTION' } });
    await admin.ok('getMe', {});
  });

  it('an unknown person is NOT_FOUND; a bad id is VALIDATION; a non-admin is FORBIDDEN', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { caller } = await addSignedInPerson(t, admin, 'Nia');
    expect(await admin.call('signOutEverywhere', { id: 424242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const bad of [{ id: -1 }, { id: 'x' }, {}, { id: 1, extra: true }]) {
      expect(await admin.raw('signOutEverywhere', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await admin.raw('unlockPerson', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await caller.call('signOutEverywhere', { id: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await caller.call('unlockPerson', { id: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe("one's own sessions", () => {
  async function twoWindows(): Promise<{ t: TestRoster; here: Caller; there: Caller }> {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, caller: here } = await addSignedInPerson(t, admin, 'Ola');
    t.clock.advance(5 * 60_000);
    const there = t.caller();
    await there.ok('signIn', { email: person.email, password: NEW_PASSWORD });
    return { t, here, there };
  }

  it('lists this window and the others, with when each last called (to the minute)', async () => {
    const { t, here, there } = await twoWindows();
    t.clock.advance(2 * 60_000);
    await here.ok('getMe', {});
    const sessions = await here.ok('ownSessions', {});
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ current: true, lastSeenAt: new Date(t.clock.now()).toISOString() });
    expect(sessions[1]!.current).toBe(false);
    expect((await there.ok('ownSessions', {})).find((s) => s.current)!.id).toBe(sessions[1]!.id);
  });

  it('Sign out other sessions ends the others and keeps this one; audited', async () => {
    const { t, here, there } = await twoWindows();
    expect(await here.ok('signOutOtherSessions', {})).toEqual({ sessionsEnded: 1 });
    expect(await there.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await here.ok('ownSessions', {})).toHaveLength(1);
    expect(t.roster.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'other_sessions_signed_out'").pluck().get()).toBe(1);
  });

  it('is for the signed-in only, and takes no input', async () => {
    const { t, here } = await twoWindows();
    expect(await t.caller().call('ownSessions', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller().call('signOutOtherSessions', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await here.raw('signOutOtherSessions', { all: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('filters through the dispatcher', () => {
  it.each([
    [{ kind: 'noSignInFor', days: 0 }],
    [{ kind: 'noSignInFor', days: 1.5 }],
    [{ kind: 'noSignInFor' }],
    [{ kind: 'lockedOut', extra: 1 }],
    [{ kind: 'everyone' }],
    ['admins'],
  ])('refuses the filter %j as VALIDATION (list, count and export alike)', async (filter) => {
    const t = await startTestRoster();
    const admin = await t.admin();
    for (const [method, payload] of [
      ['listPeople', { tab: 'active', pageSize: 25, filter }],
      ['countPeople', { tab: 'active', filter }],
      ['exportPeople', { tab: 'active', filter }],
    ] as const) {
      expect(await admin.raw(method, payload), method).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'filter' } });
    }
  });

  it('No sign-in for N days counts someone who never signed in from when their account was made', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addSignedInPerson(t, admin, 'Old');
    await admin.ok('addPerson', { firstName: 'New', lastName: 'Comer', email: 'new@example.org' });
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    const again = t.caller(); // the admin signs in again today, so is not idle
    await again.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    await again.ok('addPerson', { firstName: 'Fresh', lastName: 'Comer', email: 'fresh@example.org' });
    const idle = await again.ok('listPeople', { tab: 'active', pageSize: 25, filter: { kind: 'noSignInFor', days: 30 } });
    // Old signed in 31 days ago; New was added then and never signed in; Fresh was added today.
    expect(idle.rows.map((r) => r.firstName).sort()).toEqual(['New', person.firstName].sort());
  });
});
