// How a person gets a way into their account when an admin adds them, resets their password, resends their invite
// or corrects their email: a code by email when email is set up, else a temporary password shown once; and the one
// rule when an email cannot go out (a fresh temporary password, stored then, shown once with the reason).
import { describe, expect, it } from 'vitest';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { GOOD_PASSWORD, startTestRoster, type TestRoster } from '../harness.ts';
import { addPerson, addSignedInPerson } from '../people/helpers.ts';
import { auditActions, auditDetails, BOB, emailWorld, invited, NEW_PASSWORD, withBob } from './email-harness.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const passwordHashOf = (t: TestRoster, id: number) => t.roster.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id);
const everythingStored = (t: TestRoster) =>
  ['users', 'audit_log', 'one_time_codes', 'sessions'].map((table) => JSON.stringify(t.roster.db.prepare(`SELECT * FROM ${table}`).all())).join('\n');

describe('without email: a temporary password shown once', () => {
  it('Add shows a temporary password once and stores only its hash', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, temporaryPassword } = await addPerson(admin, 'Grace', '  Grace@Example.ORG ');
    expect(person).toMatchObject({ firstName: 'Grace', email: 'grace@example.org', role: 'user', status: 'active', lastLoginAt: null });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(16);
    const row = t.roster.db.prepare('SELECT * FROM users WHERE id = ?').get(person.id) as Record<string, unknown>;
    expect(row.password_hash).toMatch(/^\$2[aby]\$/);
    expect(row.must_change_password).toBe(1);
    expect(everythingStored(t)).not.toContain(temporaryPassword);
    // The list shows the person without any password.
    const page = await admin.ok('listPeople', { tab: 'active', pageSize: 25 });
    expect(JSON.stringify(page)).not.toContain(temporaryPassword);
    expect(page.rows.map((p) => p.email)).toContain('grace@example.org');
    expect(auditDetails(t, 'person_added')).toEqual([{ email: 'grace@example.org', delivery: 'temporary_password' }]);
  });

  it('says nothing about email when email is not set up', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const added = await admin.ok('addPerson', BOB);
    expect(added.delivery).toMatchObject({ kind: 'temporaryPassword' });
    expect(added.delivery).not.toHaveProperty('emailError');
  });

  it('gives each person a different temporary password', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const a = await addPerson(admin, 'Ann');
    const b = await addPerson(admin, 'Ben');
    expect(a.temporaryPassword).not.toBe(b.temporaryPassword);
  });

  it('Reset replaces the password with a temporary one, ends their sessions and forces a new password', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, caller } = await addSignedInPerson(t, admin, 'Grace');
    const { delivery } = await admin.ok('resetPassword', { id: person.id });
    if (delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
    expect(delivery).not.toHaveProperty('emailError');
    expect(await caller.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller().call('signIn', { email: person.email, password: 'umbrella tangerine voyage' })).toMatchObject({ ok: false });
    const again = t.caller();
    expect(await again.ok('signIn', { email: person.email, password: delivery.temporaryPassword })).toMatchObject({ mustChangePassword: true });
    expect(auditDetails(t, 'password_reset')).toEqual([{ delivery: 'temporary_password' }]);
    expect(everythingStored(t)).not.toContain(delivery.temporaryPassword);
  });

  it('Reset is refused for your own account (use Change password) and for a deactivated person', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const me = await admin.ok('getMe', {});
    expect(await admin.call('resetPassword', { id: me.userId })).toMatchObject({ ok: false, error: { code: 'SELF_ACTION' } });
    const { person } = await addPerson(admin, 'Grace');
    await admin.ok('deactivatePerson', { id: person.id });
    expect(await admin.call('resetPassword', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await admin.call('resetPassword', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(auditActions(t)).not.toContain('password_reset');
  });

  it('Resend invite for someone invited while email worked gives a temporary password, saying email is not set up', async () => {
    const world = await emailWorld();
    const { id } = await invited(world);
    await world.admin.ok('clearEmailSettings', {});
    const resent = await world.admin.ok('resendInvite', { id });
    expect(resent.delivery).toMatchObject({ kind: 'temporaryPassword', emailError: 'Email is not set up.' });
    expect(resent.person.status).toBe('active');
    if (resent.delivery.kind !== 'temporaryPassword') return;
    expect(await world.t.caller().ok('signIn', { email: BOB.email, password: resent.delivery.temporaryPassword })).toMatchObject({ mustChangePassword: true });
    // Nothing failed to send: no send failure is recorded, only the password handed out instead of the invite.
    expect(auditDetails(world.t, 'email_send_failed')).toEqual([]);
    expect(auditDetails(world.t, 'password_reset')).toEqual([{ delivery: 'temporary_password', instead: 'invite' }]);
  });
});

describe('with email: an invite code', () => {
  it('Add sends "You\'re invited to Roster" with a code; the person is Invited until they redeem it', async () => {
    const { t, sink, admin } = await emailWorld();
    const added = await admin.ok('addPerson', BOB);
    expect(added.delivery).toEqual({ kind: 'emailSent', to: BOB.email });
    expect(added.person.status).toBe('invited');

    const mail = await sink.waitForMessage((m) => m.to.includes(BOB.email));
    expect(mail.subject).toBe("You're invited to Roster");
    expect(mail.headers.get('from')).toBe('Roster at Example <roster@example.org>');
    expect(mail.text).toContain('Have an invite code?');
    expect(mail.text).toContain('Ada Lovelace has added you');
    expect(mail.text).toContain('expires in 3 days');
    const code = codeIn(mail);
    expect(mail.html).toContain(code);
    expect(auditDetails(t, 'person_added')).toEqual([{ email: BOB.email, delivery: 'email' }]);
    expect(auditDetails(t, 'invite_sent')).toEqual([{ to: BOB.email }]);

    // Invited people cannot sign in with any password yet.
    expect(await t.caller().call('signIn', { email: BOB.email, password: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });

    const bob = t.caller();
    const session = await bob.ok('redeemCode', { email: BOB.email, code: code.toLowerCase(), newPassword: NEW_PASSWORD });
    expect(session).toMatchObject({ email: BOB.email, role: 'user', mustChangePassword: false });
    expect(await bob.ok('getMe', {})).toMatchObject({ email: BOB.email });
    expect(await t.caller().ok('signIn', { email: BOB.email, password: NEW_PASSWORD })).toMatchObject({ email: BOB.email });
    expect(auditActions(t)).toEqual(expect.arrayContaining(['person_added', 'invite_sent', 'invite_redeemed']));

    // Single use.
    const again = await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: 'another long passphrase here' });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', field: 'code' } });
  });

  it('escapes names in the HTML and keeps them out of the headers', async () => {
    const { sink, admin } = await emailWorld();
    const evil = { firstName: '<img src=x onerror=alert(1)>', lastName: 'Smith, "Eve" <eve@evil.example>', email: 'mallory@example.org' };
    await admin.ok('addPerson', evil);
    const mail = await sink.waitForMessage();
    expect(mail.to).toEqual(['mallory@example.org']);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.raw).not.toMatch(/^(bcc|cc):/im);
  });

  it('refuses names with line breaks (header injection)', async () => {
    const { admin } = await emailWorld();
    const result = await admin.call('addPerson', { ...BOB, lastName: 'Marley\r\nBcc: eve@example.org' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'lastName' } });
  });

  it('refuses a duplicate email on the email field, adding nobody and sending nothing', async () => {
    const { t, sink, admin } = await emailWorld();
    await invited({ t, sink, admin });
    const dup = await admin.call('addPerson', { firstName: 'Robert', lastName: 'M', email: 'BOB@example.org' });
    expect(dup).toEqual({ ok: false, error: { code: 'EMAIL_TAKEN', message: 'Email address already in use.', field: 'email' } });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
    await t.roster.close();
    expect(sink.messages).toHaveLength(1);
  });

  it('the invite lasts as long as the admin set, then expires', async () => {
    const { t, sink, admin } = await emailWorld();
    await admin.ok('saveEmailSettings', sink.settings({ inviteLifetimeHours: 5 }));
    await admin.ok('addPerson', BOB);
    const code = codeIn(await sink.waitForMessage());
    t.clock.advance(5 * HOUR + 1);
    const result = await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
  });

  it('Resend invite sends a new code and the old one stops working', async () => {
    const { t, sink, admin } = await emailWorld();
    const { person } = await admin.ok('addPerson', BOB);
    const first = codeIn(await sink.waitForMessage());
    expect(await admin.ok('resendInvite', { id: person.id })).toMatchObject({ delivery: { kind: 'emailSent', to: BOB.email } });
    await sink.waitForMessage(() => sink.messages.length === 2);
    const second = codeIn(sink.messages[1]!);
    expect(second).not.toBe(first);
    expect(await t.caller().call('redeemCode', { email: BOB.email, code: first, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(await t.caller().call('redeemCode', { email: BOB.email, code: second, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(auditDetails(t, 'invite_resent')).toEqual([{ to: BOB.email }]);
    // Once accepted there is nothing to resend.
    expect(await admin.call('resendInvite', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await admin.call('resendInvite', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('Reset for an invited person (no password yet) resends the invite', async () => {
    const world = await emailWorld();
    const { id, code } = await invited(world);
    const reset = await world.admin.ok('resetPassword', { id });
    expect(reset).toMatchObject({ person: { status: 'invited' }, delivery: { kind: 'emailSent', to: BOB.email } });
    await world.sink.waitForMessage(() => world.sink.messages.length === 2);
    expect(world.sink.messages[1]!.subject).toBe("You're invited to Roster");
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false });
    expect(auditActions(world.t)).toContain('invite_resent');
    expect(auditActions(world.t)).not.toContain('password_reset');
  });

  it('never writes a code into the audit log or the database', async () => {
    const { t, sink, admin } = await emailWorld();
    await admin.ok('addPerson', BOB);
    const code = codeIn(await sink.waitForMessage());
    await t.caller().ok('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD });
    const details = t.roster.db.prepare<[], string>('SELECT details FROM audit_log').pluck().all().join('\n');
    expect(details).not.toContain(code);
    expect(details).not.toContain(code.replace('-', ''));
    const stored = t.roster.db.prepare<[], string>('SELECT code_hash FROM one_time_codes').pluck().all();
    expect(stored.join()).not.toContain(code.replace('-', ''));
  });
});

describe('with email: a reset code', () => {
  it('sends "Your Roster password reset code"; the old password and sessions end; the code sets a new password', async () => {
    const world = await emailWorld();
    const { t, sink, admin } = world;
    const { id, bob } = await withBob(world);
    expect(await admin.ok('getStatus', {})).toMatchObject({ emailConfigured: true });
    const reset = await admin.ok('resetPassword', { id });
    expect(reset.delivery).toEqual({ kind: 'emailSent', to: BOB.email });
    expect(await bob.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller().call('signIn', { email: BOB.email, password: GOOD_PASSWORD })).toMatchObject({ ok: false });

    const mail = await sink.waitForMessage();
    expect(mail.subject).toBe('Your Roster password reset code');
    expect(mail.text).toContain('An administrator has reset your Roster password');
    const session = await t.caller().ok('redeemCode', { email: BOB.email, code: codeIn(mail), newPassword: NEW_PASSWORD });
    expect(session).toMatchObject({ email: BOB.email, mustChangePassword: false });
    expect(auditActions(t)).toEqual(expect.arrayContaining(['password_reset', 'reset_redeemed']));
    expect(auditDetails(t, 'password_reset')).toEqual([{ delivery: 'email' }]);
  });
});

describe('when the email cannot go out: a temporary password instead, shown once with the reason', () => {
  it('Add: the person is still added (active, must choose a password) and the failure is recorded', async () => {
    const { t, sink, admin } = await emailWorld();
    await sink.down();
    const added = await admin.ok('addPerson', BOB);
    expect(added.delivery.kind).toBe('temporaryPassword');
    if (added.delivery.kind !== 'temporaryPassword') return;
    expect(added.delivery.emailError).toMatch(/^Wrong host or port/);
    expect(added.person.status).toBe('active');
    const bob = t.caller();
    expect(await bob.ok('signIn', { email: BOB.email, password: added.delivery.temporaryPassword })).toMatchObject({ mustChangePassword: true });
    expect(auditDetails(t, 'email_send_failed')).toEqual([{ purpose: 'invite', reason: 'SMTP_CONNECTION', fallback: 'temporary_password' }]);
    expect(auditDetails(t, 'password_reset')).toEqual([{ delivery: 'temporary_password', instead: 'invite' }]);
    expect(auditActions(t)).not.toContain('invite_sent');
    expect(everythingStored(t)).not.toContain(added.delivery.temporaryPassword);
    expect(sink.messages).toHaveLength(0);
  });

  it('Resend: the code that did not go out stops working', async () => {
    const world = await emailWorld();
    const { id, code } = await invited(world);
    await world.sink.down();
    const resent = await world.admin.ok('resendInvite', { id });
    expect(resent).toMatchObject({ person: { status: 'active' }, delivery: { kind: 'temporaryPassword', emailError: expect.stringMatching(/^Wrong host or port/) } });
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false });
    expect(world.t.roster.db.prepare('SELECT COUNT(*) FROM one_time_codes WHERE used_at IS NULL').pluck().get()).toBe(0);
    expect(auditDetails(world.t, 'email_send_failed')).toEqual([{ purpose: 'invite', reason: 'SMTP_CONNECTION', fallback: 'temporary_password' }]);
  });

  it('Reset: the reset still happens, and the password shown is the one stored', async () => {
    const world = await emailWorld();
    const { t, sink, admin } = world;
    const { id } = await withBob(world);
    await sink.down();
    const reset = await admin.ok('resetPassword', { id });
    expect(reset.delivery).toMatchObject({ kind: 'temporaryPassword', emailError: expect.stringMatching(/^Wrong host or port/) });
    if (reset.delivery.kind !== 'temporaryPassword') return;
    expect(reset.delivery.expiresAt).toBe(new Date(t.clock.now() + 7 * DAY).toISOString());
    expect(reset.person.temporaryPasswordExpiresAt).toBe(reset.delivery.expiresAt);
    expect(await t.caller().ok('signIn', { email: BOB.email, password: reset.delivery.temporaryPassword })).toMatchObject({ mustChangePassword: true });
    expect(await t.caller().call('signIn', { email: BOB.email, password: GOOD_PASSWORD })).toMatchObject({ ok: false });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM one_time_codes WHERE used_at IS NULL').pluck().get()).toBe(0);
    expect(auditDetails(t, 'password_reset')).toEqual([{ delivery: 'email' }]);
    expect(auditDetails(t, 'email_send_failed')).toEqual([{ purpose: 'reset', reason: 'SMTP_CONNECTION', fallback: 'temporary_password' }]);
    expect(everythingStored(t)).not.toContain(reset.delivery.temporaryPassword);
  });

  it('Reset: the temporary password shown after the email failed lasts 7 days from when it was shown', async () => {
    const world = await emailWorld({ silentServer: true });
    const { t, sink, admin } = world;
    const { id } = await withBob(world);
    sink.mode = 'slow'; // the reset email waits for a greeting that never comes
    const pending = admin.call('resetPassword', { id });
    await expect.poll(() => auditDetails(t, 'password_reset')).toEqual([{ delivery: 'email' }]); // the reset is written
    t.clock.advance(HOUR); // time passes while the mail server is waited for
    const reset = await pending;
    if (!reset.ok || reset.value.delivery.kind !== 'temporaryPassword') throw new Error(`expected a temporary password: ${JSON.stringify(reset)}`);
    expect(reset.value.delivery.expiresAt).toBe(new Date(t.clock.now() + 7 * DAY).toISOString());
    t.clock.advance(7 * DAY - 1000);
    expect(await t.caller().call('signIn', { email: BOB.email, password: reset.value.delivery.temporaryPassword })).toMatchObject({ ok: true });
  });

  it('Edit: when the new invite to a corrected address cannot be emailed, the admin gets a temporary password instead', async () => {
    const world = await emailWorld();
    const { id, code } = await invited(world, 'dan@typo.test');
    await world.sink.down();
    const edited = await world.admin.ok('editPerson', { id, firstName: 'Dan', lastName: 'Brown', email: 'dan@example.org' });
    expect(edited.invite).toMatchObject({ kind: 'temporaryPassword', emailError: expect.stringMatching(/^Wrong host or port/) });
    expect(edited.person).toMatchObject({ email: 'dan@example.org', status: 'active' });
    expect(await world.t.caller().call('redeemCode', { email: 'dan@example.org', code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false });
    expect(auditDetails(world.t, 'email_send_failed')).toEqual([{ purpose: 'invite', reason: 'SMTP_CONNECTION', fallback: 'temporary_password' }]);
  });

  it('a person deactivated while their invite was being sent gets no temporary password', async () => {
    const world = await emailWorld({ silentServer: true });
    const { t, sink, admin } = world;
    const { id } = await invited(world);
    sink.mode = 'slow'; // the resend waits for a greeting that never comes, then falls back
    const resent = admin.call('resendInvite', { id });
    expect(await admin.call('deactivatePerson', { id })).toMatchObject({ ok: true });
    expect(await resent).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Bob Marley is deactivated. Reactivate them first.' } });
    expect(passwordHashOf(t, id)).toBeNull();
    expect(auditActions(t)).not.toContain('password_reset');
  });

  it('two resets racing against a failing mail server hand out one temporary password, the one that works', async () => {
    const world = await emailWorld({ silentServer: true });
    const { t, sink, admin } = world;
    const { id } = await withBob(world);
    sink.mode = 'slow'; // both emails wait for a greeting that never comes, then fall back
    const results = await Promise.all([admin.call('resetPassword', { id }), admin.call('resetPassword', { id })]);
    const shown = results.flatMap((r) => (r.ok && r.value.delivery.kind === 'temporaryPassword' ? [r.value.delivery.temporaryPassword] : []));
    expect(shown).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ ok: false, error: { code: 'CONFLICT', message: "Bob Marley's password was changed while the email was being sent. The list has been refreshed." } }]);
    expect(await t.caller().call('signIn', { email: BOB.email, password: shown[0]! })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(auditDetails(t, 'email_send_failed')).toEqual([{ purpose: 'reset', reason: 'SMTP_TIMEOUT', fallback: 'temporary_password' }]);
  });
});
