// Managing people: the list, edit, deactivate/reactivate, role. Every rule of the People admin is here, checked
// inside the same write transaction as the change and recorded in the audit log there too. How people get a way
// in (invites, temporary passwords, resets) is credential-delivery.ts.
import type { ParsedInput, Person, PeoplePage } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { countPeopleYielding, tabCounts } from '../db/people-counts.ts';
import { listPeople } from '../db/people-pages.ts';
import { fullName, isActiveAdmin, statusOf, toPerson, type UserRow, type UsersRepo } from '../db/users-repo.ts';
import { AppError, emailTaken, notFound } from '../errors.ts';
import type { Clock } from './clock.ts';
import { deactivatedConflict } from './target-checks.ts';

export interface PeopleDeps {
  db: Db;
  users: UsersRepo;
  sessions: Sessions;
  audit: AuditRepo;
  clock: Clock;
  /** Invalidates a person's outstanding one-time codes (invites, resets); returns how many there were. */
  revokeCodes: (userId: number) => number;
  /** Keeps the Locked chip with the address it belongs to when an email changes. */
  throttle: Pick<LoginThrottle, 'followEmail'>;
}

export class PeopleService {
  constructor(private readonly deps: PeopleDeps) {}

  /** The last page needs the list's count first: counted as countPeople answers, in slices (a common term at 1M). */
  async list(input: ParsedInput<'listPeople'>): Promise<PeoplePage> {
    const now = this.deps.clock.now();
    const total = input.page.kind === 'last' ? await countPeopleYielding(this.deps.db, input, now) : undefined;
    return listPeople(this.deps.db, input, now, undefined, total);
  }

  /** A long count (a common term at 1M) gives main's loop a turn between its slices: the list's rows never wait behind it. */
  async count(input: ParsedInput<'countPeople'>): Promise<{ total: number }> {
    return { total: await countPeopleYielding(this.deps.db, input, this.deps.clock.now()) };
  }

  tabCounts(): { active: number; deactivated: number } {
    return tabCounts(this.deps.db);
  }

  /** Runs `change` in one IMMEDIATE transaction on a freshly read target, so every check sees the truth. */
  private withFreshTarget<T>(ctx: CallContext, id: number, change: (target: UserRow, now: number) => T): T {
    const { users, clock } = this.deps;
    return ctx.transaction(() => {
        const target = users.get(id);
        if (!target) throw notFound();
        return change(target, clock.now());
      });
  }

  /**
   * Saves name and email. A new email takes the old address's power away: codes sent there stop working and the
   * person's sessions end (the admin's own current one excepted). `reinvite`: an invited person needs a new invite
   * at the new address (CredentialDelivery.newInviteAfterEdit sends it).
   */
  edit(input: ParsedInput<'editPerson'>, ctx: CallContext): { person: Person; reinvite: boolean } {
    const actor = signedInUser(ctx);
    return this.withFreshTarget(ctx, input.id, (target, now) => {
      const changes: Record<string, { from: string; to: string }> = {};
      if (target.first_name !== input.firstName) changes.firstName = { from: target.first_name, to: input.firstName };
      if (target.last_name !== input.lastName) changes.lastName = { from: target.last_name, to: input.lastName };
      if (target.email !== input.email) {
        const other = this.deps.users.findByEmail(input.email);
        if (other && other.id !== target.id) throw emailTaken();
        changes.email = { from: target.email, to: input.email };
      }
      if (Object.keys(changes).length === 0) return { person: toPerson(target), reinvite: false };
      const row = this.deps.users.update(
        target.id,
        { first_name: input.firstName, last_name: input.lastName, email: input.email },
        now,
      );
      if (!changes.email) {
        this.deps.audit.record(now, actor.id, 'person_edited', target.id, { changes });
        return { person: toPerson(row), reinvite: false };
      }
      const reinvite = statusOf(target) === 'invited';
      this.deps.throttle.followEmail(input.email, now);
      const codesRevoked = this.deps.revokeCodes(target.id);
      const sessionsEnded = this.deps.sessions.endAllFor(target.id, target.id === actor.id ? ctx.slot.get() : undefined);
      this.deps.audit.record(now, actor.id, 'person_edited', target.id, { changes, revokedForOldAddress: codesRevoked, sessionsEnded, newInviteTo: reinvite ? input.email : null });
      return { person: toPerson(this.deps.users.require(target.id)), reinvite }; // read again: the lock followed the address
    });
  }

  deactivate(id: number, ctx: CallContext): Person {
    const actor = signedInUser(ctx);
    return this.withFreshTarget(ctx, id, (target, now) => {
      if (target.id === actor.id) throw new AppError('SELF_ACTION', "You can't deactivate your own account.");
      if (!target.is_active) throw new AppError('CONFLICT', `${fullName(target)} is already deactivated.`);
      if (isActiveAdmin(target) && !this.deps.users.hasSeveralActiveAdmins()) throw lastAdmin(target);
      const row = this.deps.users.update(target.id, { is_active: 0, deactivated_at: now }, now);
      this.deps.sessions.endAllFor(target.id);
      this.deps.revokeCodes(target.id);
      this.deps.audit.record(now, actor.id, 'person_deactivated', target.id, {});
      return toPerson(row);
    });
  }

  reactivate(id: number, ctx: CallContext): Person {
    const actor = signedInUser(ctx);
    return this.withFreshTarget(ctx, id, (target, now) => {
      if (target.is_active) throw new AppError('CONFLICT', `${fullName(target)} is already active.`);
      const row = this.deps.users.update(target.id, { is_active: 1, deactivated_at: null }, now);
      this.deps.audit.record(now, actor.id, 'person_reactivated', target.id, {});
      return toPerson(row);
    });
  }

  setRole(input: ParsedInput<'setRole'>, ctx: CallContext): Person {
    const actor = signedInUser(ctx);
    return this.withFreshTarget(ctx, input.id, (target, now) => {
      if (target.role !== input.expectedRole) {
        throw new AppError('CONFLICT', `${fullName(target)}'s role was changed elsewhere. The list has been refreshed.`);
      }
      if (target.role === input.role) return toPerson(target);
      if (!target.is_active) throw deactivatedConflict(target);
      if (input.role === 'user') {
        if (target.id === actor.id) throw new AppError('SELF_ACTION', "You can't remove your own admin role.");
        if (isActiveAdmin(target) && !this.deps.users.hasSeveralActiveAdmins()) throw lastAdmin(target);
      }
      const row = this.deps.users.update(target.id, { role: input.role }, now);
      this.deps.sessions.endAllFor(target.id);
      this.deps.audit.record(now, actor.id, 'role_changed', target.id, { from: target.role, to: input.role });
      return toPerson(row);
    });
  }
}

const lastAdmin = (target: UserRow) =>
  new AppError('LAST_ADMIN', `${fullName(target)} is the last admin. Make someone else an admin first.`);
