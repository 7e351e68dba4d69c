// Checks the audit log's hash chain from the first entry to the newest, and the head record kept outside the
// database against it. Each link is checked against the stored hash of the entry before it, so the log splits into
// ranges checked at the same time on worker threads (chain-verify-worker.ts), each on its own read-only connection:
// a long log is checked in a fraction of the time, and main's loop stays free. A short log, or one with no file
// (in memory), is checked here in slices, yielding between them. The Activity page and `npm run verify-audit` both
// run this.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LogVerification } from '../../../common/activity.ts';
import type { Db } from '../db/open-database.ts';
import { driverSetup, workerCode } from '../workers/worker-code.ts';
import { GENESIS } from './audit-chain.ts';
import type { ReadHead } from './audit-head-file.ts';
import { BATCH, checkLinks, GENESIS_HEX, type LinkResult, type RangeJob } from './chain-links.ts';

export interface VerifyOptions {
  /** The head record as read from the data folder. */
  head: ReadHead;
  now: () => number;
  /** How long one slice may hold the thread before yielding (ms), when checked here. */
  sliceMs?: number;
  signal?: AbortSignal;
  /** Worker threads for a long log (default: one per core, at most 4); 0 checks here. */
  workers?: number;
  /** From how many entries the check uses worker threads (default 200,000: below, it takes well under a second). */
  parallelFrom?: number;
  /** The SQLite driver's binary the workers load (Electron's build of it, when packaged). */
  nativeBinding?: string;
}

export async function verifyChain(db: Db, options: VerifyOptions): Promise<LogVerification> {
  // The newest entry now is where this check ends: entries added meanwhile are for the next check.
  const newest = (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const workers = options.workers ?? Math.min(os.availableParallelism(), 4);
  const parallel = workers > 1 && !db.memory && newest >= (options.parallelFrom ?? 200_000);
  const result = parallel ? await checkInWorkers(db, newest, workers, options) : await checkHere(db, newest, options);
  if (!db.open) throw new Error('the database was closed during the check (a restore replaced it)');
  const anchor = checkAnchor(db, options.head, newest);
  return {
    checkedAt: new Date(options.now()).toISOString(),
    entries: result.entries,
    head: newest ? { id: result.last.id, hash: result.last.hashHex } : null,
    brokenAt: result.brokenAt,
    anchor,
    ok: result.brokenAt === null && anchor.state === 'matches',
  };
}

async function checkHere(db: Db, newest: number, options: VerifyOptions): Promise<LinkResult> {
  const sliceMs = options.sliceMs ?? 8;
  const total: LinkResult = { entries: 0, last: { id: 0, hashHex: GENESIS_HEX }, brokenAt: null };
  let sliceStart = performance.now();
  while (total.last.id < newest) {
    const part = checkLinks(db, total.last, newest, BATCH);
    total.entries += part.entries;
    total.last = part.last;
    total.brokenAt = part.brokenAt;
    if (part.brokenAt || part.entries === 0) break;
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      if (!db.open) throw new Error('the database was closed during the check (a restore replaced it)');
      sliceStart = performance.now();
    }
  }
  return total;
}

/** Splits (0, newest] into equal id ranges, one per worker, and puts their verdicts together in order. */
async function checkInWorkers(db: Db, newest: number, workers: number, options: VerifyOptions): Promise<LinkResult> {
  const before = db.prepare<[number], { id: number; hash: Buffer | null }>('SELECT id, hash FROM audit_log WHERE id <= ? ORDER BY id DESC LIMIT 1');
  const code = await workerCode('chain-verify-worker');
  const jobs: RangeJob[] = [];
  for (let k = 0; k < workers; k++) {
    const from = Math.floor((newest * k) / workers);
    const row = from === 0 ? undefined : before.get(from);
    // A missing hash before a range breaks the range before it, which then decides the verdict.
    const start = row ? { id: row.id, hashHex: row.hash?.toString('hex') ?? GENESIS_HEX } : { id: 0, hashHex: GENESIS_HEX };
    jobs.push({ dbFile: db.name, ...driverSetup(options.nativeBinding), start, upTo: Math.floor((newest * (k + 1)) / workers) });
  }
  const parts = await Promise.all(jobs.map((job) => runRange(code, job, options.signal)));
  const total: LinkResult = { entries: 0, last: { id: 0, hashHex: GENESIS_HEX }, brokenAt: null };
  for (const part of parts) {
    total.entries += part.entries;
    if (part.entries > 0 || part.brokenAt) total.last = part.last;
    if (part.brokenAt) return { ...total, brokenAt: part.brokenAt };
  }
  return total;
}

function runRange(code: string, job: RangeJob, signal?: AbortSignal): Promise<LinkResult> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = new Worker(code, { eval: true, workerData: job });
    let settled = false;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (m: { done?: LinkResult; error?: string }) => {
      settled = true;
      signal?.removeEventListener('abort', stop);
      if (m.done) resolve(m.done);
      else reject(new Error(m.error ?? 'the chain check failed'));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (exit) => {
      if (!settled) reject(signal?.aborted ? new Error('stopped: Roster is closing') : new Error(`the chain check's worker stopped (exit code ${exit})`));
    });
  });
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
