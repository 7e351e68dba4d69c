// Getting back into an account on one's own: "forgot password" on the sign-in screen, and redeeming a code (invite
// or reset) to set a password and sign in. An admin's reset is credential delivery's (credential-delivery.ts).
import type { ParsedInput, SessionInfo } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import { chosenPasswordFields } from '../auth/temporary-password.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { statusOf, type UsersRepo } from '../db/users-repo.ts';
import { recipientOf, type Mailer } from '../email/mailer.ts';
import { resetEmail } from '../email/messages.ts';
import { RESET_CODE_LIFETIME_MS, type CodeCheck, type OneTimeCodes } from '../email/one-time-codes.ts';
import { mailFailure } from '../email/smtp-errors.ts';
import type { ResetRequestThrottle } from '../email/reset-request-throttle.ts';
import type { SmtpSettingsStore } from '../email/smtp-settings.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { AppError } from '../errors.ts';
import type { Clock } from './clock.ts';
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
  smtpSettings: Pick<SmtpSettingsStore, 'load'>;
  logError: (what: string, err: unknown) => void;
}

const APP_CAP_WINDOW_MS = 60 * 60 * 1000;

export const INVALID_CODE_MESSAGE = 'That code is not valid or has expired. Check the email address and code, or ask for a new code.';
const invalidCode = () => new AppError('INVALID_CODE', INVALID_CODE_MESSAGE, { field: 'code' });

export class RecoveryService {
  constructor(private readonly deps: RecoveryDeps) {}

  /**
   * "Forgot password?": the same answer whether or not the account exists. The email goes out in the background,
   * so the answer's timing does not tell either.
   */
  requestPasswordReset(input: ParsedInput<'requestPasswordReset'>): { emailConfigured: boolean } {
    const settings = this.deps.smtpSettings.load();
    if (!settings) return { emailConfigured: false };
    const { db, users, codes, audit, clock, mailer, throttle } = this.deps;
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
        () => mailer.send(settings, recipientOf(user), resetEmail({ firstName: user.first_name, email: user.email, code, requestedByAdmin: false })),
        (err) => {
          try {
            audit.record(clock.now(), null, 'email_send_failed', user.id, { purpose: 'forgot_password', reason: mailFailure(err).code });
          } catch (auditErr) {
            this.deps.logError('forgot-password email', auditErr);
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
    const { users, sessions, codes, audit, clock, hasher, guesses } = this.deps;
    await assertAcceptablePassword(input.newPassword, { email: input.email });
    guesses.refuseWhileLocked(input.email, clock.now(), audit, { action: 'code_redeem_locked', actorId: null, targetId: () => users.findByEmail(input.email)?.id ?? null });
    // Unknown address, no code, wrong, used or expired code: one answer, so nothing is revealed.
    const checked = ctx.transaction(() => {
        const now = clock.now();
        const user = users.findByEmail(input.email);
        const result: CodeCheck = user?.is_active ? codes.check(user.id, input.code, now) : { ok: false };
        if (result.ok && user) return { user, codeId: result.codeId, purpose: result.purpose };
        guesses.recordFailure(input.email, now);
        if (!result.ok && result.locked && user) audit.record(now, null, 'code_locked', user.id, { purpose: result.locked.purpose, wrongGuesses: result.locked.attempts });
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
        return { user: users.require(current.id), token: sessions.start(current.id, now) };
      });
    ctx.slot.set(token);
    return sessionInfo(user);
  }
}
