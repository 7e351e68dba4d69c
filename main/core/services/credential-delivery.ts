// How a person gets a way into their account when an admin adds them, resets their password, resends their invite
// or corrects their email: with email set up, an invite or reset code by email; without, a temporary password shown
// once to the admin. And one rule when an email cannot go out (or email was turned off since the invite): the person
// gets a fresh temporary password, hashed then and stored in the transaction that records why, and the admin is
// shown it once with the reason. No password is held in plaintext while a mail server is waited for.
import type { Delivery, EditResult, ParsedInput, Person, SmtpSettings } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { temporaryPassword } from '../auth/secrets.ts';
import type { Sessions } from '../auth/sessions.ts';
import { TEMPORARY_PASSWORD_LIFETIME_MS, temporaryDelivery, temporaryPasswordFields } from '../auth/temporary-password.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { fullName, statusOf, toPerson, type UserRow, type UsersRepo } from '../db/users-repo.ts';
import { recipientOf, type Mailer } from '../email/mailer.ts';
import { inviteEmail, resetEmail } from '../email/messages.ts';
import { RESET_CODE_LIFETIME_MS, type CodePurpose, type OneTimeCodes } from '../email/one-time-codes.ts';
import { mailFailure } from '../email/smtp-errors.ts';
import type { SmtpSettingsStore } from '../email/smtp-settings.ts';
import { AppError, emailTaken } from '../errors.ts';
import type { Clock } from './clock.ts';
import { invitedTarget, resettableTarget } from './target-checks.ts';

export interface CredentialDeliveryDeps {
  users: UsersRepo;
  sessions: Sessions;
  codes: OneTimeCodes;
  audit: AuditRepo;
  hasher: PasswordHasher;
  clock: Clock;
  mailer: Mailer;
  smtpSettings: Pick<SmtpSettingsStore, 'load'>;
  /**
   * An admin's reset proves the account is looked after: the sign-in throttle lets the address go. A person added
   * with an address already held back (guessed at before they existed) carries that lock, like an edited address.
   */
  throttle: Pick<LoginThrottle, 'recordSuccess' | 'followEmail'>;
}

export type Delivered = { person: Person; delivery: Delivery };

/** A code on its way by email: to whom, what for, and (for invites) what the audit calls a successful send. */
interface CodeToSend {
  person: UserRow;
  purpose: CodePurpose;
  code: string;
  sentAction?: 'invite_sent' | 'invite_resent';
}

const HOUR = 60 * 60 * 1000;
const EMAIL_OFF = 'Email is not set up.';

export class CredentialDelivery {
  constructor(private readonly deps: CredentialDeliveryDeps) {}

  /** Add person: invited by email (no password until they redeem the code), or added with a temporary password. */
  async addPerson(input: ParsedInput<'addPerson'>, ctx: CallContext): Promise<Delivered> {
    const actor = signedInUser(ctx);
    const { users, codes, audit, clock, hasher } = this.deps;
    const settings = this.deps.smtpSettings.load();
    if (users.findByEmail(input.email)) throw emailTaken(); // before the hash, so a duplicate is told at once
    const password = settings ? null : temporaryPassword();
    const hash = password === null ? null : await hasher.hash(password);
    const { row, code } = ctx.transaction(() => {
      if (users.findByEmail(input.email)) throw emailTaken();
      const now = clock.now();
      const added = users.insert(
        hash === null
          ? { ...input, role: 'user', passwordHash: null, mustChangePassword: false }
          : { ...input, role: 'user', passwordHash: hash, mustChangePassword: true, temporaryPasswordExpiresAt: now + TEMPORARY_PASSWORD_LIFETIME_MS },
        now,
      );
      audit.record(now, actor.id, 'person_added', added.id, { email: added.email, delivery: settings ? 'email' : 'temporary_password' });
      this.deps.throttle.followEmail(added.email, now);
      return { row: users.require(added.id), code: settings ? codes.issue(added.id, 'invite', now, settings.inviteLifetimeHours * HOUR) : null };
    });
    if (settings && code) return this.emailCode(ctx, settings, { person: row, purpose: 'invite', code, sentAction: 'invite_sent' });
    if (password === null) throw new Error('no email settings and no temporary password'); // unreachable: one of the two is set above
    return { person: toPerson(row), delivery: temporaryDelivery(password, row) };
  }

  /** A new invite code (the old one stops working) by email; a temporary password when email is off or fails. */
  async resendInvite(id: number, ctx: CallContext): Promise<Delivered> {
    const { users, codes, clock } = this.deps;
    const settings = this.deps.smtpSettings.load();
    const { row, code } = ctx.transaction(() => {
      const target = invitedTarget(users.get(id));
      const now = clock.now();
      return { row: target, code: settings ? codes.issue(target.id, 'invite', now, settings.inviteLifetimeHours * HOUR) : null };
    });
    if (!settings || !code) return this.temporaryPasswordInstead(ctx, row, 'invite', EMAIL_OFF);
    return this.emailCode(ctx, settings, { person: row, purpose: 'invite', code, sentAction: 'invite_resent' });
  }

  /**
   * Admin's Reset Password: the old password stops working and the person's sessions end at once. With email, it is
   * replaced by one nobody is shown and a reset code is emailed; without, by a temporary password shown once. An
   * invited person has no password to reset: their invite is resent.
   */
  async resetPassword(id: number, ctx: CallContext): Promise<Delivered> {
    const actor = signedInUser(ctx);
    const { users, sessions, codes, audit, clock, hasher } = this.deps;
    const existing = users.get(id);
    if (existing && statusOf(existing) === 'invited') return this.resendInvite(id, ctx);
    resettableTarget(existing, actor);
    const settings = this.deps.smtpSettings.load();
    const password = temporaryPassword();
    const hash = await hasher.hash(password);
    const { row, code } = ctx.transaction(() => {
      const target = resettableTarget(users.get(id), actor);
      const now = clock.now();
      const wasLocked = target.locked_until !== null && target.locked_until > now;
      this.deps.throttle.recordSuccess(target.email); // before the update, so the row returned says unlocked
      const updated = users.update(target.id, temporaryPasswordFields(hash, now), now);
      sessions.endAllFor(target.id);
      codes.revokeAll(target.id, now);
      audit.record(now, actor.id, 'password_reset', target.id, { delivery: settings ? 'email' : 'temporary_password', ...(wasLocked ? { unlocked: true } : {}) });
      return { row: updated, code: settings ? codes.issue(target.id, 'reset', now, RESET_CODE_LIFETIME_MS) : null };
    });
    if (settings && code) return this.emailCode(ctx, settings, { person: row, purpose: 'reset', code });
    return { person: toPerson(row), delivery: temporaryDelivery(password, row) };
  }

  /**
   * An imported person whose invite email could not go out: a temporary password instead, shown once to the admin
   * with the reason (the same fallback as a failed Add or Resend; their invite code stops working).
   */
  async temporaryPasswordForInvite(id: number, ctx: CallContext, emailError: string): Promise<Delivered> {
    return this.temporaryPasswordInstead(ctx, invitedTarget(this.deps.users.get(id)), 'invite', emailError);
  }

  /** After Edit details: an invited person whose address was corrected gets a new invite at the new address. */
  async newInviteAfterEdit(edited: { person: Person; reinvite: boolean }, ctx: CallContext): Promise<EditResult> {
    if (!edited.reinvite) return { person: edited.person, invite: null };
    const sent = await this.resendInvite(edited.person.id, ctx);
    return { person: sent.person, invite: sent.delivery };
  }

  private async emailCode(ctx: CallContext, settings: SmtpSettings, sending: CodeToSend): Promise<Delivered> {
    const actor = signedInUser(ctx);
    const { person, purpose, code } = sending;
    const to = { firstName: person.first_name, email: person.email, code };
    const message =
      purpose === 'invite'
        ? inviteEmail({ ...to, invitedBy: fullName(actor), lifetimeHours: settings.inviteLifetimeHours })
        : resetEmail({ ...to, requestedByAdmin: true });
    try {
      await this.deps.mailer.send(settings, recipientOf(person), message);
    } catch (err) {
      const failure = mailFailure(err);
      return this.temporaryPasswordInstead(ctx, person, purpose, failure.message, failure);
    }
    // Recorded whatever happened to the caller's access meanwhile: the email has gone out.
    if (sending.sentAction) this.deps.audit.record(this.deps.clock.now(), actor.id, sending.sentAction, person.id, { to: person.email });
    return { person: toPerson(this.deps.users.require(person.id)), delivery: { kind: 'emailSent', to: person.email } };
  }

  /**
   * The one fallback. `sent` is the person as the delivery left them (invited, or holding the reset's unseen
   * password); if they changed meanwhile (accepted the invite, were deactivated, reset again), nothing is handed out.
   * Their codes stop working: the one that did not go out must not be redeemable later.
   */
  private async temporaryPasswordInstead(ctx: CallContext, sent: UserRow, purpose: CodePurpose, emailError: string, failure?: AppError): Promise<Delivered> {
    const actor = signedInUser(ctx);
    const { users, codes, audit, clock, hasher } = this.deps;
    const password = temporaryPassword();
    const hash = await hasher.hash(password);
    const updated = ctx.transaction(() => {
      const target = purpose === 'invite' ? invitedTarget(users.get(sent.id)) : unchangedSinceReset(users.get(sent.id), sent, actor);
      const now = clock.now();
      codes.revokeAll(target.id, now);
      const changed = users.update(target.id, temporaryPasswordFields(hash, now), now);
      if (failure) audit.record(now, actor.id, 'email_send_failed', target.id, { purpose, reason: failure.code, fallback: 'temporary_password' });
      // An invited person held no password: this is the password reset of record. A reset was recorded already.
      if (purpose === 'invite') audit.record(now, actor.id, 'password_reset', target.id, { delivery: 'temporary_password', instead: 'invite' });
      return changed;
    });
    return { person: toPerson(updated), delivery: temporaryDelivery(password, updated, emailError) };
  }
}

function unchangedSinceReset(current: UserRow | undefined, sent: UserRow, actor: UserRow): UserRow {
  const target = resettableTarget(current, actor);
  if (target.password_hash !== sent.password_hash) {
    throw new AppError('CONFLICT', `${fullName(target)}'s password was changed while the email was being sent. The list has been refreshed.`);
  }
  return target;
}
