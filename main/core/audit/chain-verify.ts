// Checks the audit log's hash chain from the first entry to the newest, and the head record kept outside the
// database against it. Reads in slices and yields between them, so the app keeps answering while a long log is
// checked; the Activity page and `npm run verify-audit` both run this.
import type { LogVerification } from '../../../common/activity.ts';
import type { Db } from '../db/open-database.ts';
import { entryHash, GENESIS } from './audit-chain.ts';
import type { ReadHead } from './audit-head-file.ts';

export interface VerifyOptions {
  /** The head record as read from the data folder. */
  head: ReadHead;
  now: () => number;
  /** How long one slice may hold the thread before yielding (ms). */
  sliceMs?: number;
  signal?: AbortSignal;
}

type Row = [id: number, at: number, actorId: number | null, action: string, targetId: number | null, details: string, hash: Buffer | null];

const BATCH = 2_000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function verifyChain(db: Db, options: VerifyOptions): Promise<LogVerification> {
  const read = db.prepare<[number, number, number]>('SELECT id, at, actor_id, action, target_id, details, hash FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?').raw();
  // The newest entry now is where this check ends: entries added meanwhile are for the next check.
  const newest = (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const sliceMs = options.sliceMs ?? 8;
  let previous = GENESIS;
  let previousId = 0;
  let entries = 0;
  let brokenAt: LogVerification['brokenAt'] = null;
  let sliceStart = performance.now();
  outer: while (previousId < newest) {
    const rows = read.all(previousId, newest, BATCH) as Row[];
    if (rows.length === 0) break;
    for (const [id, at, actor_id, action, target_id, details, hash] of rows) {
      entries++;
      if (!hash) {
        brokenAt = { id, reason: 'The entry has no hash: it was added or changed by something other than Roster.' };
        break outer;
      }
      const expected = entryHash(previous, { id, at, actor_id, action, target_id, details });
      if (!expected.equals(hash)) {
        brokenAt = {
          id,
          reason:
            id !== previousId + 1
              ? `The chain breaks here: entries ${previousId + 1}–${id - 1} are missing, or this entry was changed.`
              : 'The entry does not match its hash: it, or the entry before it, was changed after it was written.',
        };
        break outer;
      }
      previous = hash;
      previousId = id;
    }
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToLoop();
      options.signal?.throwIfAborted();
      if (!db.open) throw new Error('the database was closed during the check (a restore replaced it)');
      sliceStart = performance.now();
    }
  }
  const anchor = checkAnchor(db, options.head, newest);
  return {
    checkedAt: new Date(options.now()).toISOString(),
    entries,
    head: newest ? { id: previousId, hash: previous.toString('hex') } : null,
    brokenAt,
    anchor,
    ok: brokenAt === null && anchor.state === 'matches',
  };
}

function checkAnchor(db: Db, head: ReadHead, newest: number): LogVerification['anchor'] {
  if (head.state === 'missing') return { state: 'missing', id: null, since: null, detail: 'There is no head record (audit-head.json) in the data folder.' };
  if (head.state === 'unreadable') return { state: 'missing', id: null, since: null, detail: head.detail };
  const { record } = head;
  const since = new Date(record.since.at).toISOString();
  const stored = record.id === 0 ? GENESIS : (db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(record.id) as Buffer | null | undefined);
  if (record.id > newest || !stored) {
    return { state: 'mismatch', id: record.id, since, detail: `The head record names entry ${record.id}, which is no longer in the log: the log was cut short or replaced.` };
  }
  if (stored.toString('hex') !== record.hash) {
    return { state: 'mismatch', id: record.id, since, detail: `Entry ${record.id} no longer has the hash the head record holds: the log was rewritten from there back.` };
  }
  return { state: 'matches', id: record.id, since, detail: null };
}
