// Invites: Add person by email (an invited account with a one-time code), resend and revoke. When email is not
// set up, or sending fails, the admin gets a temporary password on the spot instead: nothing is lost.
import type { Delivery, EditResult, InviteStatus, ParsedInput, Person } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { temporaryPassword } from '../auth/secrets.ts';
import { temporaryDelivery, temporaryPasswordFields } from '../auth/temporary-password.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { statusOf, toPerson, type UserRow, type UsersRepo } from '../db/users-repo.ts';
import type { Mailer } from '../email/mailer.ts';
import { inviteEmail } from '../email/messages.ts';
import { mailFailure } from '../email/smtp-errors.ts';
import type { OneTimeCodes } from '../email/one-time-codes.ts';
import type { SmtpSettings } from '../email/smtp-settings.ts';
import { AppError, emailTaken, notFound } from '../errors.ts';
import type { Clock } from './clock.ts';
import type { EmailSettingsService } from './email-settings-service.ts';
import { fullName, type PeopleService } from './people-service.ts';

export interface InvitesDeps {
  db: Db;
  users: UsersRepo;
  codes: OneTimeCodes;
  audit: AuditRepo;
  hasher: PasswordHasher;
  clock: Clock;
  mailer: Mailer;
  emailSettings: EmailSettingsService;
  people: PeopleService;
}

type Added = { person: Person; delivery: Delivery };
const HOUR = 60 * 60 * 1000;

export class InvitesService {
  constructor(private readonly d: InvitesDeps) {}

  /** Add person: an invite email when email is set up, else a temporary password shown once. */
  async addPerson(input: ParsedInput<'addPerson'>, ctx: CallContext): Promise<Added> {
    const settings = this.d.emailSettings.current();
    if (!settings) return this.d.people.addWithTemporaryPassword(input, ctx);
    const actor = signedInUser(ctx);
    const { db, users, codes, audit, clock } = this.d;
    if (users.findByEmail(input.email)) throw emailTaken();
    const { row, code } = ctx.transaction(() => {
        if (users.findByEmail(input.email)) throw emailTaken();
        const now = clock.now();
        const added = users.insert({ ...input, role: 'user', passwordHash: null, mustChangePassword: false }, now);
        audit.record(now, actor.id, 'person_added', added.id, { email: added.email, delivery: 'email' });
        return { row: added, code: codes.issue(added.id, 'invite', now, settings.inviteLifetimeHours * HOUR) };
      });
    return this.sendInvite(ctx, settings, row, code, actor, 'invite_sent');
  }

  /**
   * Edit details. When an invited person's address is corrected, the invite sent to the old one has already stopped
   * working (PeopleService.edit), and a new one goes to the new address, or a temporary password if it cannot.
   */
  async edit(input: ParsedInput<'editPerson'>, ctx: CallContext): Promise<EditResult> {
    const { person, reinvite } = this.d.people.edit(input, ctx);
    if (!reinvite) return { person, invite: null };
    const sent = await this.resend(person.id, ctx);
    return { person: sent.person, invite: sent.delivery };
  }

  /** The latest invite code of an invited person: when sent, until when, and whether wrong guesses locked it. */
  status(id: number): InviteStatus | null {
    const target = invitedTarget(this.d.users.get(id));
    const code = this.d.codes.latestInvite(target.id);
    if (!code) return null;
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      sentAt: iso(code.createdAt),
      expiresAt: iso(code.expiresAt),
      lockedAt: code.lockedAt === null ? null : iso(code.lockedAt),
      wrongGuesses: code.failedAttempts,
    };
  }

  /** A new code (the old one stops working) sent again; temporary password if email is off or fails. */
  async resend(id: number, ctx: CallContext): Promise<Added> {
    const actor = signedInUser(ctx);
    const settings = this.d.emailSettings.current();
    const { db, users, codes, clock } = this.d;
    const { row, code } = ctx.transaction(() => {
        const target = invitedTarget(users.get(id));
        const now = clock.now();
        return { row: target, code: settings ? codes.issue(target.id, 'invite', now, settings.inviteLifetimeHours * HOUR) : null };
      });
    if (!settings || !code) return this.fallBack(ctx, row, actor, 'Email is not set up.');
    return this.sendInvite(ctx, settings, row, code, actor, 'invite_resent');
  }

  /** Withdraws an invite: the code stops working and the account is deactivated (kept, like every account). */
  revoke(id: number, ctx: CallContext): Person {
    const actor = signedInUser(ctx);
    const { db, users, codes, audit, clock } = this.d;
    return ctx.transaction(() => {
        const target = invitedTarget(users.get(id));
        const now = clock.now();
        codes.revokeAll(target.id, now);
        const row = users.update(target.id, { is_active: 0, deactivated_at: now }, now);
        audit.record(now, actor.id, 'invite_revoked', target.id, {});
        return toPerson(row);
      });
  }

  private async sendInvite(ctx: CallContext, settings: SmtpSettings, row: UserRow, code: string, actor: UserRow, action: 'invite_sent' | 'invite_resent'): Promise<Added> {
    const message = inviteEmail({
      firstName: row.first_name,
      email: row.email,
      invitedBy: fullName(actor),
      code,
      lifetimeHours: settings.inviteLifetimeHours,
    });
    try {
      await this.d.mailer.send(settings, { name: fullName(row), address: row.email }, message);
    } catch (err) {
      const error = mailFailure(err);
      return this.fallBack(ctx, row, actor, error.message, error.code);
    }
    this.d.audit.record(this.d.clock.now(), actor.id, action, row.id, { to: row.email });
    return { person: toPerson(this.d.users.get(row.id)!), delivery: { kind: 'emailSent', to: row.email } };
  }

  /** The invite could not go out: give the person a temporary password now, shown once to the admin. */
  private async fallBack(ctx: CallContext, row: UserRow, actor: UserRow, emailError: string, reason?: string): Promise<Added> {
    const password = temporaryPassword();
    const hash = await this.d.hasher.hash(password);
    const { db, users, codes, audit, clock } = this.d;
    const updated = ctx.transaction(() => {
        const target = invitedTarget(users.get(row.id));
        const now = clock.now();
        codes.revokeAll(target.id, now);
        const changed = users.update(target.id, temporaryPasswordFields(hash, now), now);
        if (reason) audit.record(now, actor.id, 'email_send_failed', target.id, { purpose: 'invite', reason, fallback: 'temporary_password' });
        audit.record(now, actor.id, 'password_reset', target.id, { delivery: 'temporary_password', instead: 'invite' });
        return changed;
      });
    return { person: toPerson(updated), delivery: temporaryDelivery(password, updated, emailError) };
  }
}

function invitedTarget(target: UserRow | undefined): UserRow {
  if (!target) throw notFound();
  const status = statusOf(target);
  if (status === 'deactivated') throw new AppError('CONFLICT', `${fullName(target)} is deactivated. Reactivate them first.`);
  if (status !== 'invited') throw new AppError('CONFLICT', `${fullName(target)} has already accepted the invite and set a password.`);
  return target;
}

