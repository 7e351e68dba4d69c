// After Resend invites to a selection: the new codes, as the bulk worker handed them over, go out by email in the
// background (the same InviteQueue an import's invites use), or, without email, wait in main to be downloaded ONCE
// as a CSV file (held as an import's codes are, added-people.ts). Main keeps the last few resends for the acting
// admin to follow; the codes never leave it any other way.
import { randomBytes } from 'node:crypto';
import type { ExportOutcome } from '../../../common/activity.ts';
import { FAILURES_LISTED, type ResendStatus } from '../../../common/bulk.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import { writeCsv } from '../csv/csv-writer.ts';
import { fullName } from '../db/users-repo.ts';
import { InviteQueue, type InviteDeps } from '../email/invite-queue.ts';
import { HOW_TO_USE_CODE } from '../email/messages.ts';
import { AppError } from '../errors.ts';
import type { FileDelivery } from '../exports/file-delivery.ts';
import { AddedPeople } from '../people-csv/added-people.ts';

export interface ResendDeps extends InviteDeps {
  delivery?: FileDelivery;
}

interface Resend {
  id: string;
  actorId: number;
  total: number;
  expiresAt: number;
  /** With email: the queue sending them. */
  queue: InviteQueue | null;
  /** Without email: the people and their codes, until downloaded once. */
  added: AddedPeople;
  codes: ResendStatus['codes'];
  /** A download of the codes is under way (a second one would find them gone part-way). */
  downloading?: boolean;
}

/** Resends kept to be followed (the oldest idle one whose codes are not waiting to be downloaded is forgotten). */
const KEPT = 5;

export class ResendInvites {
  private readonly resends = new Map<string, Resend>();

  constructor(private readonly d: ResendDeps) {}

  /**
   * A resend whose transaction committed: `added` holds everyone given a new code. With email, they are queued to be
   * sent now (their codes move into the queue, each held until its email is tried); without, kept for the download.
   */
  start(added: AddedPeople, byEmail: boolean, expiresAt: number, ctx: CallContext): ResendStatus {
    const actor = signedInUser(ctx);
    this.forgetOldest();
    const resend: Resend = { id: randomBytes(16).toString('base64url'), actorId: actor.id, total: added.count, expiresAt, queue: null, added, codes: 'none' };
    if (byEmail) {
      resend.queue = new InviteQueue(this.d, ctx, { via: 'bulk', sentAction: 'invite_resent' });
      const people = added.takeCodes();
      resend.queue.sendGradually(
        (function* () {
          for (const a of people) yield { line: a.line, personId: a.personId, email: a.email, code: a.code };
        })(),
        added.count,
      );
      added.clear(); // the people's names are not needed again (the codes travel with the queue)
    } else if (added.count > 0) {
      resend.codes = 'available';
    }
    this.resends.set(resend.id, resend);
    return this.statusOf(resend);
  }

  status(batchId: string, ctx: CallContext): ResendStatus {
    return this.statusOf(this.get(batchId, ctx));
  }

  /** Without email: every new code, offered once; the codes leave memory as the file is written. */
  codes(batchId: string, ctx: CallContext): Promise<ExportOutcome> {
    const resend = this.get(batchId, ctx);
    if (resend.codes !== 'available') {
      throw new AppError('CONFLICT', resend.codes === 'taken' ? 'The codes were already downloaded; they are shown only once. Resend the invites again for anyone who needs a new one.' : 'This resend has no codes to hand out: they went by email.');
    }
    if (!this.d.delivery) throw new AppError('NOT_SUPPORTED', 'Downloading needs the desktop app or browser mode.');
    if (resend.downloading) throw new AppError('CONFLICT', 'The codes are being downloaded already.');
    resend.downloading = true;
    const expires = new Date(resend.expiresAt).toISOString();
    const header = ['First name', 'Last name', 'Email', 'Invite code', 'Code expires (UTC)', 'How to use it'];
    return this.d.delivery.deliver({
      fileName: `roster-new-invite-codes-${resend.id.slice(0, 8)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      authorise: () => ctx.recheck(),
      write: (out, signal) =>
        writeCsv(
          out,
          header,
          (function* () {
            resend.codes = 'taken';
            for (const a of resend.added.takeCodes()) yield [a.firstName, a.lastName, a.email, a.code, expires, HOW_TO_USE_CODE];
          })(),
          { signal },
        ),
    }).finally(() => {
      resend.downloading = false;
    });
  }

  /** Roster is closing (or a restore replaces the database): invites not yet sent stay unsent, and codes are wiped. */
  async closeAll(): Promise<void> {
    for (const resend of this.resends.values()) {
      resend.queue?.stop('Roster was closed before this invite was sent. Resend it.');
      await resend.queue?.whenIdle();
      resend.added.clear();
    }
    this.resends.clear();
  }

  private get(batchId: string, ctx: CallContext): Resend {
    const resend = this.resends.get(batchId);
    // Another admin's resend is no one else's to follow (nor its codes to download).
    if (!resend || resend.actorId !== signedInUser(ctx).id) throw new AppError('NOT_FOUND', 'That resend is no longer known to Roster.');
    return resend;
  }

  private forgetOldest(): void {
    for (const [id, old] of this.resends) {
      if (this.resends.size < KEPT) return;
      // Still sending, or codes never handed out: forgetting them would void those people's invites unseen.
      if (old.queue?.busy || old.codes === 'available') continue;
      old.added.clear();
      this.resends.delete(id);
    }
  }

  private statusOf(resend: Resend): ResendStatus {
    const q = resend.queue;
    const failures = (q?.failed ?? []).slice(0, FAILURES_LISTED).map((f) => {
      const row = this.d.users.get(f.personId);
      return { id: f.personId, name: row ? fullName(row) : f.email, email: f.email, reason: f.reason };
    });
    return {
      batchId: resend.id,
      byEmail: q !== null,
      total: resend.total,
      sent: q?.sent ?? 0,
      // Queued or being tried now.
      pending: q ? resend.total - q.sent - q.failed.length : 0,
      failed: q?.failed.length ?? 0,
      failures,
      codes: resend.codes,
      expiresAt: new Date(resend.expiresAt).toISOString(),
    };
  }
}
