// Invite emails to many people, in the background (after an import with email set up, or Resend invites to a
// selection): one at a time, with progress; a failure is listed with its reason and its code revoked (a code that
// did not go out must not be redeemable later). Retry issues a new code and sends again; the fallback per person is
// a temporary password (credential-delivery.ts).
import type { InviteFailure } from '../../../common/people-import.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { fullName, type UsersRepo } from '../db/users-repo.ts';
import { recipientOf, type Mailer } from './mailer.ts';
import { inviteEmail } from './messages.ts';
import { mailFailure } from './smtp-errors.ts';
import type { SmtpSettingsStore } from './smtp-settings.ts';
import { AppError } from '../errors.ts';
import type { Clock } from '../services/clock.ts';
import { invitedTarget } from '../services/target-checks.ts';
import type { OneTimeCodes } from './one-time-codes.ts';

export interface InviteDeps {
  users: UsersRepo;
  codes: OneTimeCodes;
  audit: AuditRepo;
  clock: Clock;
  mailer: Mailer;
  smtpSettings: Pick<SmtpSettingsStore, 'load'>;
}

export interface ToInvite {
  /** The person's line in the imported file (for Resend invites: their place in the selection). */
  line: number;
  personId: number;
  email: string;
  /** The code issued in the import's transaction, held only until its email is tried; null on a retry. */
  code: string | null;
}

const HOUR = 60 * 60 * 1000;
/** How long a queued invite waits before trying again while the database is held by another worker's write. */
const BUSY_WAIT_MS = 250;
/** People queued per turn of main's loop by sendGradually (decoding them takes ~2–4 ms per 1,000 on a loaded machine). */
const FEED_SLICE = 1000;

/** Where the invites come from: what the audit entries say (`via`), and what a successful send is recorded as. */
export interface InviteSource {
  via: 'import' | 'bulk';
  sentAction: 'invite_sent' | 'invite_resent';
}

export class InviteQueue {
  sent = 0;
  failed: InviteFailure[] = [];
  private queue: ToInvite[] = [];
  private running: Promise<void> | null = null;
  /** People given to sendGradually not queued yet, and that feeding's end. */
  private unfed = 0;
  private feeding: Promise<void> | null = null;
  private stopped: string | null = null;

  constructor(
    private readonly deps: InviteDeps,
    private readonly ctx: CallContext,
    private readonly source: InviteSource = { via: 'import', sentAction: 'invite_sent' },
  ) {}

  get pending(): number {
    return this.queue.length + this.unfed;
  }

  get busy(): boolean {
    return this.running !== null || this.feeding !== null;
  }

  /** Queues people and sends, one at a time, until the queue is empty. */
  send(people: ToInvite[]): void {
    for (const p of people) this.queue.push(p); // not push(...people): past ~120,000 arguments that overflows the stack
    this.running ??= this.drain().finally(() => (this.running = null));
  }

  /**
   * Queues `count` people given lazily (decoded a batch at a time, as AddedPeople gives them), a slice per turn of
   * main's event loop, and sends as send() does: 100,000 decoded and queued at once held main's loop 190–350 ms.
   */
  sendGradually(people: Iterable<ToInvite>, count: number): void {
    this.unfed += count;
    const feed = async () => {
      let slice: ToInvite[] = [];
      for (const p of people) {
        this.unfed--;
        if (this.stopped !== null) this.failed.push({ line: p.line, personId: p.personId, email: p.email, reason: this.stopped });
        else slice.push(p);
        if (slice.length === FEED_SLICE) {
          this.send(slice);
          slice = [];
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (slice.length) this.send(slice);
    };
    const previous = this.feeding ?? Promise.resolve();
    this.feeding = previous
      .then(feed)
      .catch(() => {
        // Decoding what Roster itself packed cannot fail short of a bug; the status then shows fewer to go.
        this.unfed = 0;
      })
      .finally(() => {
        if (this.unfed === 0) this.feeding = null;
      });
  }

  /** The failed ones, again, each with a new code. */
  retry(): void {
    if (this.running) throw new AppError('BUSY', 'The invites are still being sent.');
    const again = this.failed.map((f) => ({ line: f.line, personId: f.personId, email: f.email, code: null }));
    this.failed = [];
    this.send(again);
  }

  /** A failed row handed a temporary password instead leaves the list. */
  settled(personId: number): InviteFailure | undefined {
    const i = this.failed.findIndex((f) => f.personId === personId);
    return i === -1 ? undefined : this.failed.splice(i, 1)[0];
  }

  /** Roster is closing (or a restore replaces the database): what is still queued is not sent, and says so. */
  stop(reason: string): void {
    this.stopped = reason;
    for (const rest of this.queue.splice(0)) this.failed.push({ line: rest.line, personId: rest.personId, email: rest.email, reason });
  }

  async whenIdle(): Promise<void> {
    await this.feeding;
    await this.running;
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      try {
        await this.sendOne(next);
        this.sent++;
      } catch (err) {
        const reason = mailFailure(err).message;
        this.failed.push({ line: next.line, personId: next.personId, email: next.email, reason });
        if (err instanceof AppError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) {
          // The admin lost access: what is left is not sent on their behalf.
          for (const rest of this.queue.splice(0)) this.failed.push({ line: rest.line, personId: rest.personId, email: rest.email, reason: err.message });
        }
      }
    }
  }

  private async sendOne(item: ToInvite): Promise<void> {
    const { users, codes, audit, clock, mailer } = this.deps;
    const settings = this.deps.smtpSettings.load();
    if (!settings) throw new AppError('EMAIL_NOT_CONFIGURED', 'Email is not set up any more.');
    const actor = signedInUser(this.ctx);
    const { person, code } = await this.write(() => {
      const target = invitedTarget(users.get(item.personId));
      return { person: target, code: item.code ?? codes.issue(target.id, 'invite', clock.now(), settings.inviteLifetimeHours * HOUR) };
    });
    try {
      await mailer.send(settings, recipientOf(person), inviteEmail({ firstName: person.first_name, email: person.email, code, invitedBy: fullName(actor), lifetimeHours: settings.inviteLifetimeHours }));
    } catch (err) {
      const failure = mailFailure(err);
      await this.write(() => {
        const now = clock.now();
        codes.revokeAll(person.id, now);
        audit.record(now, actor.id, 'email_send_failed', person.id, { purpose: 'invite', reason: failure.code, via: this.source.via });
      });
      throw failure;
    }
    await this.write(() => audit.record(clock.now(), actor.id, this.source.sentAction, person.id, { to: person.email, via: this.source.via }));
  }

  /**
   * One write of the queue, in the caller's checked transaction; while another worker's write holds the database (a
   * bulk action, an import: BUSY at once rather than a blocked loop), it waits and tries again, so the invites queued
   * behind it are not all failed in a moment, nor one that went out recorded as failed.
   */
  private async write<T>(change: () => T): Promise<T> {
    for (;;) {
      try {
        return this.ctx.transaction(change);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'BUSY') || this.stopped !== null) throw err;
        await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
      }
    }
  }
}
