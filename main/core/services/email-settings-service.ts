// SMTP settings: read (never the password), save after testing the connection, clear, and send a test email.
import type { EmailSettingsView, ParsedInput, SmtpSettings } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { recipientOf, type Mailer } from '../email/mailer.ts';
import { testEmail } from '../email/messages.ts';
import { mailFailure } from '../email/smtp-errors.ts';
import { plaintextLoginRefusal, type SmtpSettingsStore } from '../email/smtp-settings.ts';
import { AppError } from '../errors.ts';
import type { Clock } from './clock.ts';

export interface EmailSettingsDeps {
  settings: SmtpSettingsStore;
  mailer: Mailer;
  audit: AuditRepo;
  clock: Clock;
}

export class EmailSettingsService {
  constructor(private readonly deps: EmailSettingsDeps) {}

  /** The saved settings with the password, or null when email is not configured. */
  current(): SmtpSettings | null {
    return this.deps.settings.load();
  }

  isConfigured(): boolean {
    return this.current() !== null;
  }

  view(): EmailSettingsView {
    return this.deps.settings.view();
  }

  /** Tests the connection (and login) first; only settings that work are saved. */
  async save(input: ParsedInput<'saveEmailSettings'>, ctx: CallContext): Promise<EmailSettingsView> {
    const actor = signedInUser(ctx);
    const previous = this.current();
    // An empty password field keeps the stored one, but only for the same login on the same server, reached the
    // same way: a new port or weaker security must never carry the stored password somewhere the admin did not type it.
    const sameLogin =
      previous &&
      previous.host === input.host &&
      previous.port === input.port &&
      previous.security === input.security &&
      previous.username === input.username;
    const password = input.password || (sameLogin ? previous.password : '');
    if (input.username && !password) {
      const why = previous?.password && !sameLogin ? ' The saved one is kept only while server, port, security and username stay the same.' : '';
      throw new AppError('VALIDATION', `Enter the password for this SMTP username.${why}`, { field: 'password' });
    }
    const refusal = plaintextLoginRefusal(input);
    if (refusal) throw new AppError('VALIDATION', refusal, { field: 'allowPasswordWithoutTls' });
    const next: SmtpSettings = { ...input, password: input.username ? password : '' };
    await this.deps.mailer.verify(next);
    // Checked again after the connection test: an admin demoted meanwhile must not change the settings.
    ctx.transaction(() => {
      this.deps.audit.record(this.deps.clock.now(), actor.id, 'email_settings_saved', null, {
        host: next.host,
        port: next.port,
        security: next.security,
        username: next.username,
        loginChanged: !previous || previous.username !== next.username || previous.password !== next.password,
        allowSelfSigned: next.allowSelfSigned,
        unencryptedLogin: next.allowPasswordWithoutTls,
        inviteLifetimeHours: next.inviteLifetimeHours,
      });
      this.deps.settings.save(next);
    });
    return this.view();
  }

  async sendTest(ctx: CallContext): Promise<{ to: string }> {
    const actor = signedInUser(ctx);
    const settings = this.current();
    if (!settings) throw notConfigured();
    try {
      await this.deps.mailer.send(settings, recipientOf(actor), testEmail({ firstName: actor.first_name, host: settings.host }));
    } catch (err) {
      this.deps.audit.record(this.deps.clock.now(), actor.id, 'email_send_failed', actor.id, { purpose: 'test', reason: mailFailure(err).code });
      throw err;
    }
    this.deps.audit.record(this.deps.clock.now(), actor.id, 'test_email_sent', actor.id, { to: actor.email });
    return { to: actor.email };
  }

  clear(ctx: CallContext): EmailSettingsView {
    const actor = signedInUser(ctx);
    ctx.transaction(() => {
      this.deps.audit.record(this.deps.clock.now(), actor.id, 'email_settings_cleared', null, {});
      this.deps.settings.clear();
    });
    return this.view();
  }
}

export const notConfigured = () =>
  new AppError('EMAIL_NOT_CONFIGURED', 'Email is not set up. An admin can set it up in Admin Panel → Email.');
