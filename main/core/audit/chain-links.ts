// The chain check's unit of work: the links of one range of entries, each checked against the stored hash of the
// entry before it (so ranges can be checked apart, on worker threads). Synchronous; used by chain-verify.ts here
// and by chain-verify-worker.ts on a thread.
import type { LogVerification } from '../../../common/activity.ts';
import type { Db } from '../db/open-database.ts';
import type { DriverSetup } from '../workers/worker-code.ts';
import { entryHashHex, GENESIS } from './audit-chain.ts';

export type BrokenAt = NonNullable<LogVerification['brokenAt']>;

/** Where a range starts: the entry before it (id 0 and the genesis hash when there is none). */
export interface LinkStart {
  id: number;
  hashHex: string;
}

export interface LinkResult {
  entries: number;
  /** The last entry found intact (the start, if none was). */
  last: LinkStart;
  brokenAt: BrokenAt | null;
}

type Row = [id: number, at: number, actorId: number | null, action: string, targetId: number | null, details: string, hash: Buffer | null];

export const BATCH = 2_000;
export const GENESIS_HEX = GENESIS.toString('hex');

/** Checks the entries after `start` up to id `upTo`, at most `limit` of them; synchronous. */
export function checkLinks(db: Db, start: LinkStart, upTo: number, limit = Infinity): LinkResult {
  const read = db.prepare<[number, number, number]>('SELECT id, at, actor_id, action, target_id, details, hash FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?').raw();
  let previous = start;
  let entries = 0;
  while (previous.id < upTo && entries < limit) {
    const rows = read.all(previous.id, upTo, Math.min(BATCH, limit - entries)) as Row[];
    if (rows.length === 0) break;
    for (const [id, at, actor_id, action, target_id, details, hash] of rows) {
      entries++;
      if (!hash) return { entries, last: previous, brokenAt: { id, reason: 'The entry has no hash: it was added or changed by something other than Roster.' } };
      const stored = hash.toString('hex');
      if (entryHashHex(previous.hashHex, { id, at, actor_id, action, target_id, details }) !== stored) {
        const reason =
          id !== previous.id + 1
            ? `The chain breaks here: entries ${previous.id + 1}–${id - 1} are missing, or this entry was changed.`
            : 'The entry does not match its hash: it, or the entry before it, was changed after it was written.';
        return { entries, last: previous, brokenAt: { id, reason } };
      }
      previous = { id, hashHex: stored };
    }
  }
  return { entries, last: previous, brokenAt: null };
}

/** What a chain-verify worker is given. */
export interface RangeJob extends DriverSetup {
  dbFile: string;
  start: LinkStart;
  upTo: number;
}
