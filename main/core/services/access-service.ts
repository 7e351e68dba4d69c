// Who can get in right now, and taking it back: an admin's Unlock (the sign-in throttle lets a person's address go)
// and Sign out everywhere (every session of a person ends), and a person's own sessions on their Account page.
import type { OwnSession, Person } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { sha256 } from '../auth/secrets.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { fullName, toPerson, type UsersRepo } from '../db/users-repo.ts';
import { AppError, notFound } from '../errors.ts';
import type { Clock } from './clock.ts';

export interface AccessDeps {
  users: UsersRepo;
  sessions: Sessions;
  throttle: Pick<LoginThrottle, 'recordSuccess' | 'lockedUntil'>;
  audit: AuditRepo;
  clock: Clock;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class AccessService {
  constructor(private readonly deps: AccessDeps) {}

  /** Lets sign-ins for the person's address through again at once: their failure count starts from nothing. */
  unlock(id: number, ctx: CallContext): Person {
    const actor = signedInUser(ctx);
    const { users, throttle, audit, clock } = this.deps;
    return ctx.transaction(() => {
      const target = users.get(id);
      if (!target) throw notFound();
      const now = clock.now();
      // The throttle is the truth; the row's copy of it (for the Locked out filter) follows it.
      const lockedUntil = throttle.lockedUntil(target.email, now);
      if (lockedUntil === null) {
        throw new AppError('CONFLICT', `${fullName(target)} is not locked out (any lock has already lifted).`);
      }
      throttle.recordSuccess(target.email);
      audit.record(now, actor.id, 'person_unlocked', target.id, { email: target.email, wouldHaveLifted: iso(lockedUntil) });
      return toPerson(users.require(target.id));
    });
  }

  /** Ends every session of the person (each window asks them to sign in again). Their own: see signOutOthers. */
  signOutEverywhere(id: number, ctx: CallContext): { person: Person; sessionsEnded: number } {
    const actor = signedInUser(ctx);
    const { users, sessions, audit, clock } = this.deps;
    return ctx.transaction(() => {
      const target = users.get(id);
      if (!target) throw notFound();
      if (target.id === actor.id) {
        throw new AppError('SELF_ACTION', 'To sign out your other sessions, use Sign out other sessions on your account page.');
      }
      const sessionsEnded = sessions.endAllFor(target.id);
      audit.record(clock.now(), actor.id, 'sessions_ended', target.id, { sessions: sessionsEnded });
      return { person: toPerson(target), sessionsEnded };
    });
  }

  /** The caller's own live sessions: this one marked, the others with when they last called. */
  ownSessions(ctx: CallContext): OwnSession[] {
    const user = signedInUser(ctx);
    const token = ctx.slot.get();
    const mine = token ? sha256(token) : null;
    return this.deps.sessions.listFor(user.id, this.deps.clock.now()).map((s) => ({
      id: s.id,
      current: s.token_hash === mine,
      startedAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at ?? s.created_at),
    }));
  }

  /** Ends every session of the caller but this one (a forgotten browser, a shared machine). */
  signOutOthers(ctx: CallContext): { sessionsEnded: number } {
    const user = signedInUser(ctx);
    const token = ctx.slot.get();
    if (!token) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
    const { sessions, audit, clock } = this.deps;
    return ctx.transaction(() => {
      const sessionsEnded = sessions.endAllFor(user.id, token);
      audit.record(clock.now(), user.id, 'other_sessions_signed_out', user.id, { sessionsEnded });
      return { sessionsEnded };
    });
  }
}
