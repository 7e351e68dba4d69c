import { describe, expect, it } from 'vitest';
import { ADMIN, startTestRoster } from '../harness.ts';
import { NEW_PASSWORD, addPerson, addSignedInPerson, auditActions, makeAdmin } from './helpers.ts';

describe('adding people', () => {
  it('refuses a duplicate email, also when it differs only in case', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await addPerson(admin, 'Grace', 'grace@example.org');
    const dup = await admin.call('addPerson', { firstName: 'G', lastName: 'H', email: 'GRACE@example.org' });
    expect(dup).toEqual({ ok: false, error: { code: 'EMAIL_TAKEN', message: 'Email address already in use.', field: 'email' } });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
  });

  it.each([
    [{ firstName: '   ', lastName: 'X', email: 'a@b.org' }, 'firstName', 'First name is required.'],
    [{ firstName: 'x'.repeat(101), lastName: 'X', email: 'a@b.org' }, 'firstName', 'First name must be at most 100 characters.'],
    [{ firstName: 'X', lastName: 'Line\nBreak', email: 'a@b.org' }, 'lastName', 'Last name cannot contain line breaks or control characters.'],
    [{ firstName: 'X', lastName: 'Y', email: 'not an email' }, 'email', 'Enter a valid email address.'],
    [{ firstName: 'X', lastName: 'Y', email: '' }, 'email', 'Email is required.'],
  ])('refuses bad input %#, on the right field', async (input, field, message) => {
    const t = await startTestRoster();
    const admin = await t.admin();
    expect(await admin.call('addPerson', input)).toEqual({ ok: false, error: { code: 'VALIDATION', field, message } });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
  });

  it('makes the new person choose a new password at first sign-in', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, temporaryPassword } = await addPerson(admin, 'Grace');
    const grace = t.caller();
    expect(await grace.ok('signIn', { email: person.email, password: temporaryPassword })).toMatchObject({ mustChangePassword: true });
    expect(await grace.call('getMe', {})).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    await grace.ok('chooseNewPassword', { newPassword: NEW_PASSWORD });
    expect(await grace.ok('getMe', {})).toMatchObject({ mustChangePassword: false, role: 'user' });
  });
});

describe('editing people', () => {
  it('edits name and email, storing the email trimmed and lowercased, and audits old → new', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, temporaryPassword } = await addPerson(admin, 'Grace');
    const edited = await admin.ok('editPerson', { id: person.id, firstName: 'Grace', lastName: 'Hopper', email: ' G.Hopper@Example.org ' });
    expect(edited).toMatchObject({ person: { lastName: 'Hopper', email: 'g.hopper@example.org' }, invite: null });
    const details = JSON.parse(t.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'person_edited'").pluck().get() as string) as { changes: unknown };
    expect(details.changes).toEqual({ lastName: { from: 'Tester', to: 'Hopper' }, email: { from: 'grace@example.org', to: 'g.hopper@example.org' } });
    // The email is the login: the old one no longer signs in, the new one does.
    expect(await t.caller().call('signIn', { email: 'grace@example.org', password: temporaryPassword })).toMatchObject({ ok: false });
    expect(await t.caller().call('signIn', { email: 'g.hopper@example.org', password: temporaryPassword })).toMatchObject({ ok: true });
  });

  it('refuses an email already used by someone else (any case), on the email field', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    const result = await admin.call('editPerson', { id: person.id, firstName: 'Grace', lastName: 'T', email: 'ADA@example.org' });
    expect(result).toEqual({ ok: false, error: { code: 'EMAIL_TAKEN', message: 'Email address already in use.', field: 'email' } });
    expect(t.roster.db.prepare('SELECT last_name FROM users WHERE id = ?').pluck().get(person.id)).toBe('Tester');
  });

  it('allows changing only the case of nobody else’s email', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    expect(await admin.call('editPerson', { id: person.id, firstName: 'Grace', lastName: 'Tester', email: 'GRACE@example.org' })).toMatchObject({ ok: true });
  });

  it('answers NOT_FOUND for an id that does not exist', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    for (const method of ['deactivatePerson', 'reactivatePerson', 'resetPassword'] as const) {
      expect(await admin.call(method, { id: 999 }), method).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await admin.call('editPerson', { id: 999, firstName: 'A', lastName: 'B', email: 'c@d.org' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin.call('setRole', { id: 999, role: 'admin', expectedRole: 'user' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('removing (deactivating) and reactivating', () => {
  it('deactivates: sign-in refused, sessions end at once, nothing deleted, audit kept', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, caller } = await addSignedInPerson(t, admin, 'Grace');
    const removed = await admin.ok('deactivatePerson', { id: person.id });
    expect(removed).toMatchObject({ status: 'deactivated' });
    expect(removed.deactivatedAt).not.toBeNull();
    expect(await caller.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller().call('signIn', { email: person.email, password: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM users WHERE id = ?').pluck().get(person.id)).toBe(1);
    expect(auditActions(t, person.id)).toEqual(['person_added', 'sign_in', 'password_changed', 'person_deactivated', 'sign_in_failed']);
    const active = await admin.ok('listPeople', { tab: 'active', pageSize: 25 });
    const deactivated = await admin.ok('listPeople', { tab: 'deactivated', pageSize: 25 });
    expect(active.rows.map((p) => p.id)).not.toContain(person.id);
    expect(deactivated.rows.map((p) => p.id)).toEqual([person.id]);
    expect(await admin.ok('tabCounts', {})).toEqual({ active: 1, deactivated: 1 });
  });

  it('reactivates with the same role; they can sign in again', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addSignedInPerson(t, admin, 'Grace');
    await makeAdmin(admin, person);
    await admin.ok('deactivatePerson', { id: person.id });
    const back = await admin.ok('reactivatePerson', { id: person.id });
    expect(back).toMatchObject({ status: 'active', role: 'admin', deactivatedAt: null });
    expect(await t.caller().call('signIn', { email: person.email, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await admin.call('reactivatePerson', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an admin cannot deactivate themself', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const me = await admin.ok('getMe', {});
    expect(await admin.call('deactivatePerson', { id: me.userId })).toMatchObject({ ok: false, error: { code: 'SELF_ACTION', message: "You can't deactivate your own account." } });
  });

  it('acting on someone another window just deactivated is refused clearly', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const other = t.caller();
    await other.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    const { person } = await addPerson(admin, 'Grace');
    await other.ok('deactivatePerson', { id: person.id });
    expect(await admin.call('deactivatePerson', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Grace Tester is already deactivated.' } });
    expect(await admin.call('setRole', { id: person.id, role: 'admin', expectedRole: 'user' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('roles', () => {
  it('promotes and demotes; a role change ends that person’s sessions', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, caller } = await addSignedInPerson(t, admin, 'Grace');
    expect(await caller.call('tabCounts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await makeAdmin(admin, person);
    expect(await caller.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const grace = t.caller();
    expect(await grace.ok('signIn', { email: person.email, password: NEW_PASSWORD })).toMatchObject({ role: 'admin' });
    expect(await grace.call('tabCounts', {})).toMatchObject({ ok: true });
    await admin.ok('setRole', { id: person.id, role: 'user', expectedRole: 'admin' });
    expect(await grace.call('tabCounts', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const demoted = t.caller();
    await demoted.ok('signIn', { email: person.email, password: NEW_PASSWORD });
    expect(await demoted.call('tabCounts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const details = t.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'role_changed' ORDER BY id").pluck().all();
    expect(details).toEqual(['{"from":"user","to":"admin"}', '{"from":"admin","to":"user"}']);
  });

  it('an admin cannot demote themself', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    await makeAdmin(admin, person);
    const me = await admin.ok('getMe', {});
    expect(await admin.call('setRole', { id: me.userId, role: 'user', expectedRole: 'admin' })).toMatchObject({ ok: false, error: { code: 'SELF_ACTION' } });
  });

  it('refuses a stale role change (the role shown is no longer the role stored)', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    await makeAdmin(admin, person);
    const stale = await admin.call('setRole', { id: person.id, role: 'admin', expectedRole: 'user' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
