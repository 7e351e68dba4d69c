// Resend invites as database work, inside a bulk action's one transaction (bulk-write.ts): each invited person the
// rules let through gets a new invite code (their older codes stop working), stored only as its HMAC, and an audit
// entry. The codes leave the transaction only as the batches handed to main, which emails them or offers them once
// as a download (resend-invites.ts); they are never logged nor written anywhere in plaintext.
import type { BulkProgress } from '../../../common/bulk.ts';
import { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { OneTimeCodes } from '../email/one-time-codes.ts';
import type { Added } from '../people-csv/import-protocol.ts';

/** What main decides before the worker starts: how the codes are stored and for how long, and how they go out. */
export interface InviteOrder {
  /** The HMAC key one-time codes are stored under (main/core/email/one-time-codes.ts). */
  codeKey: Uint8Array;
  lifetimeMs: number;
  byEmail: boolean;
}

/** Receives each chunk's people with their new codes (`line`: their place in the selection, from 1). */
export type HandOut = (people: Added[]) => void;

type Invited = { id: number; first_name: string; last_name: string; email: string };

/** People per round: a revoke, an insert and the audit entries for each, then the chunk handed out. */
const CHUNK = 5000;

export function renewInvites(
  db: Db,
  people: readonly Invited[],
  at: { actorId: number | null; now: number; extra: Record<string, unknown> },
  order: InviteOrder,
  handOut: HandOut,
  report: (progress: BulkProgress) => void,
): void {
  const key = Buffer.from(order.codeKey);
  const codes = new OneTimeCodes(db, () => key);
  const audit = new AuditRepo(db);
  const { actorId, now, extra } = at;
  const delivery = order.byEmail ? 'email' : 'invite_code';
  for (let start = 0; start < people.length; start += CHUNK) {
    const chunk = people.slice(start, start + CHUNK);
    const shown = codes.reissueMany(
      chunk.map((r) => r.id),
      'invite',
      now,
      order.lifetimeMs,
    );
    audit.recordMany(chunk.map((r) => ({ at: now, actorId, action: 'invite_renewed', targetId: r.id, details: { to: r.email, delivery, ...extra } })));
    handOut(
      chunk.map((r, k) => {
        const code = shown[k];
        if (code === undefined) throw new Error('a person without a new code'); // rolls the whole resend back
        return { line: start + k + 1, personId: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, code };
      }),
    );
    report({ action: 'resendInvites', phase: 'writing', done: start + chunk.length, total: people.length });
  }
}
