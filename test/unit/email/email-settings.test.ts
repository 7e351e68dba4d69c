import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SINK_PASSWORD } from '../../fixtures/smtp-sink.ts';
import { ADMIN } from '../harness.ts';
import { auditActions, emailWorld, startSink } from './email-harness.ts';

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('email settings', () => {
  it('saves working settings (STARTTLS + AUTH, self-signed accepted) and never returns the password', async () => {
    const { t, sink, admin } = await emailWorld({ configure: false });
    const view = await admin.ok('saveEmailSettings', sink.settings());
    expect(view).toMatchObject({ configured: true, host: '127.0.0.1', port: sink.port, security: 'starttls', passwordSet: true, allowSelfSigned: true });
    expect(JSON.stringify(view)).not.toContain(SINK_PASSWORD);
    expect(JSON.stringify(await admin.ok('getEmailSettings', {}))).not.toContain(SINK_PASSWORD);
    expect(await admin.ok('getStatus', {})).toMatchObject({ emailConfigured: true });
    expect(auditActions(t)).toContain('email_settings_saved');
    expect(JSON.stringify(t.roster.db.prepare('SELECT details FROM audit_log').pluck().all())).not.toContain(SINK_PASSWORD);
  });

  it('stores the SMTP password only encrypted, with an owner-only key file, and warns that this is weaker than a keychain', async () => {
    const { t, admin } = await emailWorld();
    const file = path.join(t.dataDir, 'config.json');
    const stored = fs.readFileSync(file, 'utf8');
    expect(stored).toContain('"host": "127.0.0.1"');
    expect(stored).not.toContain(SINK_PASSWORD);
    expect(fs.statSync(path.join(t.dataDir, 'secret.key')).mode & 0o077).toBe(0);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const view = await admin.ok('getEmailSettings', {});
    expect(view.secretStorageWarning).toMatch(/weaker than an operating-system keychain/);
  });

  it('refuses a self-signed certificate unless the option is on', async () => {
    const { sink, admin } = await emailWorld({ configure: false });
    const result = await admin.call('saveEmailSettings', sink.settings({ allowSelfSigned: false }));
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_TLS', field: 'allowSelfSigned' } });
    expect(await admin.ok('getEmailSettings', {})).toMatchObject({ configured: false });
  });

  it('also works with SSL/TLS from the first byte', async () => {
    const sink = await startSink({ secure: true });
    const { admin } = await emailWorld({ configure: false });
    expect(await admin.ok('saveEmailSettings', sink.settings())).toMatchObject({ configured: true, security: 'tls' });
  });

  it('names a wrong port', async () => {
    const { sink, admin } = await emailWorld({ configure: false });
    const result = await admin.call('saveEmailSettings', sink.settings({ port: await closedPort() }));
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_CONNECTION', field: 'port' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Wrong host or port/);
  });

  it('names a server that is down', async () => {
    const { sink, admin } = await emailWorld({ configure: false });
    await sink.down();
    const result = await admin.call('saveEmailSettings', sink.settings());
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_CONNECTION' } });
  });

  it('names a wrong password', async () => {
    const { sink, admin } = await emailWorld({ configure: false });
    const result = await admin.call('saveEmailSettings', sink.settings({ password: 'not-the-password' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_AUTH', field: 'password', message: expect.stringMatching(/^Wrong username or password/) } });
  });

  it('names a server too slow to answer (timeout)', async () => {
    const { sink, admin } = await emailWorld({ configure: false, silentServer: true });
    sink.mode = 'slow';
    const started = Date.now();
    const result = await admin.call('saveEmailSettings', sink.settings());
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_TIMEOUT' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('names a TLS mismatch (SSL/TLS chosen, server speaks STARTTLS)', async () => {
    const { sink, admin } = await emailWorld({ configure: false });
    const result = await admin.call('saveEmailSettings', sink.settings({ security: 'tls' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'SMTP_TLS', field: 'security' } });
  });

  it('keeps the stored password when the field is left empty, and only then', async () => {
    const { sink, admin } = await emailWorld();
    expect(await admin.ok('saveEmailSettings', sink.settings({ password: '', fromName: 'IT desk' }))).toMatchObject({ fromName: 'IT desk', passwordSet: true });
    const otherUser = await admin.call('saveEmailSettings', sink.settings({ password: '', username: 'someone-else' }));
    expect(otherUser).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
  });

  it('refuses bad input with clear errors', async () => {
    const { sink, admin } = await emailWorld({ configure: false });
    const cases = [
      [{ port: 0 }, 'port'],
      [{ port: 70000 }, 'port'],
      [{ host: '' }, 'host'],
      [{ host: 'mail.example.org\r\nRCPT TO:<x@y>' }, 'host'],
      [{ fromAddress: 'not an address' }, 'fromAddress'],
      [{ replyTo: 'a@b\r\nBcc: x@y.org' }, 'replyTo'],
      [{ fromName: 'Roster\r\nBcc: eve@example.org' }, 'fromName'],
      [{ inviteLifetimeHours: 0 }, 'inviteLifetimeHours'],
    ] as const;
    for (const [override, field] of cases) {
      const result = await admin.call('saveEmailSettings', sink.settings(override));
      expect(result, JSON.stringify(override)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    }
  });

  it('sends a test email to the signed-in admin, from the configured name and address, with reply-to', async () => {
    const { t, sink, admin } = await emailWorld();
    expect(await admin.ok('sendTestEmail', {})).toEqual({ to: ADMIN.email });
    const mail = await sink.waitForMessage();
    expect(mail.to).toEqual([ADMIN.email]);
    expect(mail.subject).toBe('Roster test email');
    expect(mail.headers.get('from')).toBe('Roster at Example <roster@example.org>');
    expect(mail.headers.get('reply-to')).toContain('it-help@example.org');
    expect(mail.text).toContain('Hello Ada');
    expect(mail.html).toContain('<p>Hello Ada,</p>');
    expect(auditActions(t)).toContain('test_email_sent');
  });

  it('reports a failed test email by name and records it', async () => {
    const { t, sink, admin } = await emailWorld();
    await sink.down();
    expect(await admin.call('sendTestEmail', {})).toMatchObject({ ok: false, error: { code: 'SMTP_CONNECTION' } });
    expect(auditActions(t)).toContain('email_send_failed');
  });

  it('clears the settings: email is off again and the password is gone from the file', async () => {
    const { t, admin } = await emailWorld();
    expect(await admin.ok('clearEmailSettings', {})).toMatchObject({ configured: false, passwordSet: false });
    expect(await admin.ok('getStatus', {})).toMatchObject({ emailConfigured: false });
    expect(fs.readFileSync(path.join(t.dataDir, 'config.json'), 'utf8')).not.toContain('passwordSealed');
    expect(auditActions(t)).toContain('email_settings_cleared');
  });

  it('is for admins only', async () => {
    const { t } = await emailWorld({ configure: false });
    expect(await t.caller().call('getEmailSettings', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
