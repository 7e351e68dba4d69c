// Getting back into an account with a one-time code: an admin's reset by email, "forgot password" on the sign-in
// screen, and redeeming a code (invite or reset) to set a password and sign in.
import type { Delivery, ParsedInput, Person, SessionInfo } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import { temporaryPassword } from '../auth/secrets.ts';
import { chosenPasswordFields, temporaryDelivery, temporaryPasswordFields } from '../auth/temporary-password.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { statusOf, toPerson, type UserRow, type UsersRepo } from '../db/users-repo.ts';
import type { Mailer } from '../email/mailer.ts';
import { resetEmail } from '../email/messages.ts';
import { RESET_CODE_LIFETIME_MS, type CodeCheck, type OneTimeCodes } from '../email/one-time-codes.ts';
import { mailFailure } from '../email/smtp-errors.ts';
import type { ResetRequestThrottle } from '../email/reset-request-throttle.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
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
  /** Per-address back-off on wrong codes, shared with wrong sign-in passwords. */
  guesses: LoginThrottle;
  emailSettings: EmailSettingsService;
  people: PeopleService;
  invites: InvitesService;
  logError: (what: string, err: unknown) => void;
}

const APP_CAP_WINDOW_MS = 60 * 60 * 1000;

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
    const { row, code } = ctx.transaction(() => {
        const target = users.get(id);
        people.assertResettable(target, actor);
        const now = clock.now();
        const updated = users.update(target.id, temporaryPasswordFields(hash, now), now);
        sessions.endAllFor(target.id);
        audit.record(now, actor.id, 'password_reset', target.id, { delivery: 'email' });
        return { row: updated, code: codes.issue(target.id, 'reset', now, RESET_CODE_LIFETIME_MS) };
      });
    try {
      await this.d.mailer.send(settings, { name: fullName(row), address: row.email }, resetEmail({ firstName: row.first_name, email: row.email, code, requestedByAdmin: true }));
      return { person: toPerson(row), delivery: { kind: 'emailSent', to: row.email } };
    } catch (err) {
      const error = mailFailure(err);
      ctx.transaction(() => {
        const now = clock.now();
        codes.revokeAll(row.id, now); // the person will use the temporary password instead
        audit.record(now, actor.id, 'email_send_failed', row.id, { purpose: 'reset', reason: error.code, fallback: 'temporary_password' });
      });
      return {
        person: toPerson(row),
        delivery: temporaryDelivery(password, row, error.message),
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
    // Past the app-wide cap nothing is sent, but the answer stays the usual one: the cap must not tell real people
    // "too many requests" because someone else flooded the form. The first capped request per hour is audited.
    if (!throttle.take(input.email, clock.now())) {
      audit.recordOncePerWindow('app', APP_CAP_WINDOW_MS, clock.now(), null, 'reset_requested', null, { sent: false, reason: 'app_cap' });
      return { emailConfigured: true };
    }
    const issued = db
      .transaction(() => {
        const now = clock.now();
        const user = users.findByEmail(input.email);
        if (!user || !user.is_active) {
          audit.record(now, null, 'reset_requested', user?.id ?? null, { email: input.email, sent: false });
          return null;
        }
        // An invited person has no password to reset; a reset code would replace (kill) their invite code.
        if (statusOf(user) === 'invited') {
          audit.record(now, null, 'reset_requested', user.id, { email: input.email, sent: false, reason: 'invited' });
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
            audit.record(clock.now(), null, 'email_send_failed', user.id, { purpose: 'forgot_password', reason: mailFailure(err).code });
          } catch (auditErr) {
            this.d.logError('forgot-password email', auditErr);
          }
        },
      );
    }
    return { emailConfigured: true };
  }

  /**
   * Sets a new password with an invite or reset code and signs in; every other session of the person ends. Wrong
   * codes count against the typed address like wrong sign-in passwords (growing waits), not against the code: a
   * stranger's guesses must not destroy a real invite. The code itself dies only at MAX_CODE_ATTEMPTS.
   */
  async redeemCode(input: ParsedInput<'redeemCode'>, ctx: CallContext): Promise<SessionInfo> {
    const { db, users, sessions, codes, audit, clock, hasher, guesses } = this.d;
    await assertAcceptablePassword(input.newPassword, { email: input.email });
    guesses.refuseWhileLocked(input.email, clock.now(), audit, { action: 'code_redeem_locked', actorId: null, targetId: () => users.findByEmail(input.email)?.id ?? null });
    // Unknown address, no code, wrong, used or expired code: one answer, so nothing is revealed.
    const checked = ctx.transaction(() => {
        const now = clock.now();
        const user = users.findByEmail(input.email);
        const result: CodeCheck = user?.is_active ? codes.check(user.id, input.code, now) : { ok: false };
        if (result.ok) return { user: user!, codeId: result.codeId, purpose: result.purpose };
        guesses.recordFailure(input.email, now);
        if (result.locked) audit.record(now, null, 'code_locked', user!.id, { purpose: result.locked.purpose, wrongGuesses: result.locked.attempts });
        return null;
      });
    if (!checked) throw invalidCode();
    const hash = await hasher.hash(input.newPassword);
    const { user, token } = ctx.transaction(() => {
        const now = clock.now();
        const current = users.get(checked.user.id);
        // Used by another window meanwhile, or the person was deactivated: the code no longer counts.
        if (!current || !current.is_active || !codes.consume(checked.codeId, now)) throw invalidCode();
        users.update(current.id, chosenPasswordFields(hash), now);
        guesses.recordSuccess(input.email);
        codes.revokeAll(current.id, now);
        sessions.endAllFor(current.id);
        users.recordLogin(current.id, now);
        audit.record(now, current.id, checked.purpose === 'invite' ? 'invite_redeemed' : 'reset_redeemed', current.id, {});
        return { user: users.get(current.id)!, token: sessions.start(current.id, now) };
      });
    ctx.slot.set(token);
    return sessionInfo(user as UserRow);
  }
}
