import { describe, expect, it } from 'vitest';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { auditActions, BOB, emailWorld, NEW_PASSWORD } from './email-harness.ts';

const HOUR = 60 * 60 * 1000;

describe('invites', () => {
  it('Add person with email set up sends "You\'re invited to Roster" with a code; the person is Invited until they redeem it', async () => {
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

  it('SMTP down during Add: the person is still added and the admin gets a temporary password with the error', async () => {
    const { t, sink, admin } = await emailWorld();
    await sink.down();
    const added = await admin.ok('addPerson', BOB);
    expect(added.delivery.kind).toBe('temporaryPassword');
    if (added.delivery.kind !== 'temporaryPassword') return;
    expect(added.delivery.emailError).toMatch(/^Wrong host or port/);
    expect(added.person.status).toBe('active');
    const bob = t.caller();
    expect(await bob.ok('signIn', { email: BOB.email, password: added.delivery.temporaryPassword })).toMatchObject({ mustChangePassword: true });
    expect(auditActions(t)).toContain('email_send_failed');
    expect(sink.messages).toHaveLength(0);
  });

  it('Add without email set up shows a temporary password', async () => {
    const { admin } = await emailWorld({ configure: false });
    const added = await admin.ok('addPerson', BOB);
    expect(added.delivery).toMatchObject({ kind: 'temporaryPassword' });
    expect(added.delivery).not.toHaveProperty('emailError');
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
    expect(auditActions(t)).toContain('invite_resent');
    // Once accepted there is nothing to resend.
    expect(await admin.call('resendInvite', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('Revoke invite: the code stops working and the person moves to Deactivated', async () => {
    const { t, sink, admin } = await emailWorld();
    const { person } = await admin.ok('addPerson', BOB);
    const code = codeIn(await sink.waitForMessage());
    expect(await admin.ok('revokeInvite', { id: person.id })).toMatchObject({ status: 'deactivated' });
    expect(await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(auditActions(t)).toContain('invite_revoked');
    expect(await admin.call('revokeInvite', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('never writes a code into the audit log', async () => {
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
