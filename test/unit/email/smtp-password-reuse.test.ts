// The stored SMTP password goes only where the admin saved it, and never unencrypted without their say (Trust 5).
import { describe, expect, it } from 'vitest';
import { Mailer } from '../../../main/core/email/mailer.ts';
import { testEmail } from '../../../main/core/email/messages.ts';
import { plaintextLoginRefusal } from '../../../main/core/email/smtp-settings.ts';
import { auditDetails, emailWorld, startSink } from './email-harness.ts';

describe('Trust 5: the stored SMTP password does not follow a change of server', () => {
  it('saving another port, or other security, with an empty password field asks for the password again', async () => {
    const { sink, admin } = await emailWorld(); // saved with the password, STARTTLS, on the sink's port
    const other = await startSink({ plaintext: true });
    const moved = await admin.call('saveEmailSettings', other.settings({ password: '', security: 'starttls' }));
    expect(moved).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect(!moved.ok && moved.error.message).toMatch(/kept only while server, port, security and username stay the same/);
    const weaker = await admin.call('saveEmailSettings', sink.settings({ password: '', security: 'none', allowPasswordWithoutTls: true }));
    expect(weaker).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect(other.messages).toHaveLength(0);
    // Unchanged server and login: the empty field keeps it.
    expect(await admin.ok('saveEmailSettings', sink.settings({ password: '' }))).toMatchObject({ configured: true, passwordSet: true });
  });

  it('sending the password without TLS needs the named confirmation when saving', async () => {
    const plain = await startSink({ plaintext: true });
    const { t, admin } = await emailWorld({ configure: false });
    const refused = await admin.call('saveEmailSettings', plain.settings());
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'allowPasswordWithoutTls' } });
    expect(await admin.ok('getEmailSettings', {})).toMatchObject({ configured: false });

    const saved = await admin.ok('saveEmailSettings', plain.settings({ allowPasswordWithoutTls: true }));
    expect(saved).toMatchObject({ configured: true, security: 'none', allowPasswordWithoutTls: true });
    expect(auditDetails(t, 'email_settings_saved').at(-1)).toMatchObject({ security: 'none', unencryptedLogin: true });
    await admin.ok('sendTestEmail', {});
    expect(plain.messages).toHaveLength(1);
  });

  it('settings saved without that confirmation (by an older Roster) send nothing and say why', async () => {
    const plain = await startSink({ plaintext: true });
    const { password, ...rest } = plain.settings();
    const older = { ...rest, password, allowPasswordWithoutTls: false };
    const mailer = new Mailer(1500);
    await expect(mailer.send(older, { name: 'Bob', address: 'bob@example.org' }, testEmail({ firstName: 'Bob', host: older.host }))).rejects.toMatchObject({
      code: 'SMTP_TLS',
      field: 'allowPasswordWithoutTls',
    });
    await expect(mailer.verify(older)).rejects.toMatchObject({ code: 'SMTP_TLS' });
    expect(plain.messages).toHaveLength(0);
  });

  it('the rule: only security "None" with a username needs the confirmation', () => {
    expect(plaintextLoginRefusal({ security: 'none', username: 'u', allowPasswordWithoutTls: false })).toMatch(/unencrypted/);
    expect(plaintextLoginRefusal({ security: 'none', username: 'u', allowPasswordWithoutTls: true })).toBeNull();
    expect(plaintextLoginRefusal({ security: 'none', username: '', allowPasswordWithoutTls: false })).toBeNull();
    expect(plaintextLoginRefusal({ security: 'starttls', username: 'u', allowPasswordWithoutTls: false })).toBeNull();
    expect(plaintextLoginRefusal({ security: 'tls', username: 'u', allowPasswordWithoutTls: false })).toBeNull();
  });
});
