// Getting back into an account with a one-time code: an admin's reset by email, "forgot password" on the sign-in
// screen, and redeeming a code (invite or reset) to set a password and sign in.
import type { Delivery, ParsedInput, Person, SessionInfo } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import { temporaryPassword } from '../auth/secrets.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { statusOf, toPerson, type UserRow, type UsersRepo } from '../db/users-repo.ts';
import type { Mailer } from '../email/mailer.ts';
import { resetEmail } from '../email/messages.ts';
import { RESET_CODE_LIFETIME_MS, type OneTimeCodes } from '../email/one-time-codes.ts';
import type { ResetRequestThrottle } from '../email/reset-request-throttle.ts';
import { AppError } from '../errors.ts';
import type { Clock } from './clock.ts';
import type { EmailSettingsService } from './email-settings-service.ts';
import type { InvitesService } from './invites-service.ts';
import { fullName, type PeopleService } from './people-service.ts';
import { sessionInfo } from './session-info.ts';

export interface RecoveryDeps {
  db: Db;
  users: UsersRepo;
  sessions: Sessions;
  codes: OneTimeCodes;
  audit: AuditRepo;
  hasher: PasswordHasher;
  clock: Clock;
  mailer: Mailer;
  throttle: ResetRequestThrottle;
  emailSettings: EmailSettingsService;
  people: PeopleService;
  invites: InvitesService;
  logError: (what: string, err: unknown) => void;
}

export const INVALID_CODE_MESSAGE = 'That code is not valid or has expired. Check the email address and code, or ask for a new code.';
const invalidCode = () => new AppError('INVALID_CODE', INVALID_CODE_MESSAGE, { field: 'code' });

export class RecoveryService {
  constructor(private readonly d: RecoveryDeps) {}

  /**
   * Admin's Reset Password. With email set up, the password is replaced at once by one nobody knows (the old one
   * stops working, sessions end) and a reset code is emailed; if that fails, the admin is shown that password.
   */
  async resetPassword(id: number, ctx: CallContext): Promise<{ person: Person; delivery: Delivery }> {
    const { db, users, sessions, codes, audit, clock, hasher } = this.d;
    const people: PeopleService = this.d.people;
    const existing = users.get(id);
    if (existing && statusOf(existing) === 'invited') return this.d.invites.resend(id, ctx); // no password to reset yet
    const settings = this.d.emailSettings.current();
    if (!settings) return people.resetWithTemporaryPassword(id, ctx);
    const actor = signedInUser(ctx);
    people.assertResettable(existing, actor);
    const password = temporaryPassword();
    const hash = await hasher.hash(password);
    const { row, code } = db
      .transaction(() => {
        const target = users.get(id);
        people.assertResettable(target, actor);
        const now = clock.now();
        const updated = users.update(target.id, { password_hash: hash, must_change_password: 1 }, now);
        sessions.endAllFor(target.id);
        audit.record(now, actor.id, 'password_reset', target.id, { delivery: 'email' });
        return { row: updated, code: codes.issue(target.id, 'reset', now, RESET_CODE_LIFETIME_MS) };
      })
      .immediate();
    try {
      await this.d.mailer.send(settings, { name: fullName(row), address: row.email }, resetEmail({ firstName: row.first_name, email: row.email, code, requestedByAdmin: true }));
      return { person: toPerson(row), delivery: { kind: 'emailSent', to: row.email } };
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('SMTP_FAILED', 'The mail server could not be reached.');
      db.transaction(() => {
        const now = clock.now();
        codes.revokeAll(row.id, now); // the person will use the temporary password instead
        audit.record(now, actor.id, 'email_send_failed', row.id, { purpose: 'reset', reason: error.code, fallback: 'temporary_password' });
      }).immediate();
      return {
        person: toPerson(row),
        delivery: { kind: 'temporaryPassword', temporaryPassword: password, emailError: error.message },
      };
    }
  }

  /**
   * "Forgot password?": the same answer whether or not the account exists. The email goes out in the background,
   * so the answer's timing does not tell either.
   */
  requestPasswordReset(input: ParsedInput<'requestPasswordReset'>): { emailConfigured: boolean } {
    const settings = this.d.emailSettings.current();
    if (!settings) return { emailConfigured: false };
    const { db, users, codes, audit, clock, mailer, throttle } = this.d;
    throttle.take(input.email, clock.now());
    const issued = db
      .transaction(() => {
        const now = clock.now();
        const user = users.findByEmail(input.email);
        if (!user || !user.is_active) {
          audit.record(now, null, 'reset_requested', user?.id ?? null, { email: input.email, sent: false });
          return null;
        }
        audit.record(now, null, 'reset_requested', user.id, { email: input.email, sent: true });
        return { user, code: codes.issue(user.id, 'reset', now, RESET_CODE_LIFETIME_MS) };
      })
      .immediate();
    if (issued) {
      const { user, code } = issued;
      mailer.inBackground(
        () => mailer.send(settings, { name: fullName(user), address: user.email }, resetEmail({ firstName: user.first_name, email: user.email, code, requestedByAdmin: false })),
        (err) => {
          try {
            const reason = err instanceof AppError ? err.code : 'SMTP_FAILED';
            audit.record(clock.now(), null, 'email_send_failed', user.id, { purpose: 'forgot_password', reason });
          } catch (auditErr) {
            this.d.logError('forgot-password email', auditErr);
          }
        },
      );
    }
    return { emailConfigured: true };
  }

  /** Sets a new password with an invite or reset code and signs in; every other session of the person ends. */
  async redeemCode(input: ParsedInput<'redeemCode'>, ctx: CallContext): Promise<SessionInfo> {
    const { db, users, sessions, codes, audit, clock, hasher } = this.d;
    await assertAcceptablePassword(input.newPassword, { email: input.email });
    // Unknown address, no code, wrong, used or expired code: one answer, so nothing is revealed.
    const checked = db
      .transaction(() => {
        const user = users.findByEmail(input.email);
        if (!user || !user.is_active) return null;
        const result = codes.check(user.id, input.code, clock.now());
        return result.ok ? { user, codeId: result.codeId, purpose: result.purpose } : null;
      })
      .immediate();
    if (!checked) throw invalidCode();
    const hash = await hasher.hash(input.newPassword);
    const { user, token } = db
      .transaction(() => {
        const now = clock.now();
        const current = users.get(checked.user.id);
        // Used by another window meanwhile, or the person was deactivated: the code no longer counts.
        if (!current || !current.is_active || !codes.consume(checked.codeId, now)) throw invalidCode();
        users.update(current.id, { password_hash: hash, must_change_password: 0 }, now);
        codes.revokeAll(current.id, now);
        sessions.endAllFor(current.id);
        users.recordLogin(current.id, now);
        audit.record(now, current.id, checked.purpose === 'invite' ? 'invite_redeemed' : 'reset_redeemed', current.id, {});
        return { user: users.get(current.id)!, token: sessions.start(current.id, now) };
      })
      .immediate();
    ctx.slot.set(token);
    return sessionInfo(user as UserRow);
  }
}
