// Pending invites, for the admin: when the latest code was sent and whether guessing locked it, and withdrawing an
// invite. Sending (and resending) invites is credential delivery's (credential-delivery.ts).
import type { InviteStatus, Person } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { toPerson, type UsersRepo } from '../db/users-repo.ts';
import type { OneTimeCodes } from '../email/one-time-codes.ts';
import type { Clock } from './clock.ts';
import { invitedTarget } from './target-checks.ts';

export interface InvitesDeps {
  users: UsersRepo;
  codes: OneTimeCodes;
  audit: AuditRepo;
  clock: Clock;
}

export class InvitesService {
  constructor(private readonly deps: InvitesDeps) {}

  /** The latest invite code of an invited person: when sent, until when, and whether wrong guesses locked it. */
  status(id: number): InviteStatus | null {
    const target = invitedTarget(this.deps.users.get(id));
    const code = this.deps.codes.latestInvite(target.id);
    if (!code) return null;
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      sentAt: iso(code.createdAt),
      expiresAt: iso(code.expiresAt),
      lockedAt: code.lockedAt === null ? null : iso(code.lockedAt),
      wrongGuesses: code.failedAttempts,
    };
  }

  /** Withdraws an invite: the code stops working and the account is deactivated (kept, like every account). */
  revoke(id: number, ctx: CallContext): Person {
    const actor = signedInUser(ctx);
    const { users, codes, audit, clock } = this.deps;
    return ctx.transaction(() => {
      const target = invitedTarget(users.get(id));
      const now = clock.now();
      codes.revokeAll(target.id, now);
      const row = users.update(target.id, { is_active: 0, deactivated_at: now }, now);
      audit.record(now, actor.id, 'invite_revoked', target.id, {});
      return toPerson(row);
    });
  }
}
