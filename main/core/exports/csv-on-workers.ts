// A long CSV export made on worker threads: main reads the order of the rows (ids from an index, cheap) and hands out
// batches of ids; the workers look the rows up on their own read-only connections, word them and encode the lines,
// which come back in order, at most a few batches ahead of the file. A short export, or a database in memory, is made
// here with the very same batch function, so a file is the same byte for byte whichever made it. Each kind of export
// has its worker script, which serves its batches with csv-batch-server.ts.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/open-database.ts';
import { AppError } from '../errors.ts';
import { driverSetup, workerCode, type DriverSetup, type WorkerName } from '../workers/worker-code.ts';

/** Ids per batch a worker looks up and writes: small, so its live data stays inside its capped young generation. */
export const EXPORT_BATCH = 100;
/** Ids per query reading an export's order (index reads: cheap). */
export const ORDER_READ = 1_000;
/** Up to this many batches an export is made here: starting the workers would cost more than it saves. */
const LOCAL_BATCHES = 20;
/** Workers started again when one's snapshot was not the reader's (a write landed in between), before giving up. */
const SNAPSHOT_TRIES = 3;

/** Some rows' CSV lines, and how many rows they hold. */
export interface CsvBatch {
  text: string;
  rows: number;
}
export interface CsvWorkerSetup extends DriverSetup {
  dbFile: string;
  /** A query whose answer tells one snapshot of the database from another; the worker reads it inside its read transaction. */
  snapshotMark?: string;
}
export interface BatchOrder {
  seq: number;
  ids: number[];
}
export type WorkerMessage = { ready: true; mark: unknown } | { seq: number; bytes: Uint8Array; rows: number } | { seq: number; error: string };

export interface CsvOnWorkersOptions {
  /** The worker script that serves these batches (it calls serveCsvBatches with the same batch function). */
  worker: WorkerName;
  /** The rows at these ids as CSV, made here: a short export, a database in memory, workers out of step. */
  local: (ids: number[]) => CsvBatch;
  /**
   * The rows must all come from one snapshot: each worker holds a read transaction whose `sql` answer must equal
   * `mark` (the reader's own answer, in its transaction); a worker out of step is replaced, then the export is made here.
   */
  snapshot?: { sql: string; mark: unknown };
  /** Worker threads (default: one per core, at most 2: each holds its own engine and connection in memory). */
  workers?: number;
  nativeBinding?: string;
  /** Told the rows of each chunk as it is handed on. */
  onRows: (rows: number) => void;
}

/** An export's ids in batches of EXPORT_BATCH; it stops with CONFLICT once `db` is closed (a restore replaced it). */
export function* exportBatches(db: Db, ids: Iterable<number>): Generator<number[]> {
  let batch: number[] = [];
  const full = () => {
    if (!db.open) throw new AppError('CONFLICT', 'The database was replaced (a restore) while exporting. Export again.');
    const done = batch;
    batch = [];
    return done;
  };
  for (const id of ids) {
    batch.push(id);
    if (batch.length === EXPORT_BATCH) yield full();
  }
  if (batch.length > 0) yield full();
}

/** The CSV lines of the rows in `batches` (ids, in file order), a chunk per batch. */
export async function* csvOnWorkers(db: Db, batches: Iterator<number[]>, options: CsvOnWorkersOptions): AsyncGenerator<string | Uint8Array> {
  const workers = options.workers ?? Math.min(os.availableParallelism(), 2);
  const opening: number[][] = [];
  let ended = false;
  while (!ended && opening.length <= LOCAL_BATCHES) {
    const next = batches.next();
    if (next.done) ended = true;
    else opening.push(next.value);
  }
  const pool = ended || workers < 1 || db.memory ? null : await startInStep(options, workers, db.name);
  if (!pool) {
    const rest: Iterable<number[]> = { [Symbol.iterator]: () => batches };
    for (const ids of [...opening, ...rest]) {
      const { text, rows } = options.local(ids);
      options.onRows(rows);
      yield text;
    }
    return;
  }
  try {
    // Each batch's answer, in file order; a few batches ahead per worker keeps them busy while the file is written.
    const ahead: Promise<{ bytes: Uint8Array; rows: number }>[] = [];
    let seq = 0;
    const send = (ids: number[]) => ahead.push(pool.order(seq++, ids));
    for (const ids of opening) send(ids);
    for (let next = batches.next(); ; next = batches.next()) {
      if (!next.done) send(next.value);
      // Hand on the oldest answers while too many are out (all of them once every batch is sent).
      const keep = next.done ? 0 : workers * 2;
      for (let oldest = ahead.length > keep ? ahead.shift() : undefined; oldest; oldest = ahead.length > keep ? ahead.shift() : undefined) {
        const { bytes, rows } = await oldest;
        options.onRows(rows);
        yield bytes;
      }
      if (next.done) return;
    }
  } finally {
    await pool.close();
  }
}

/** Workers whose snapshots are the reader's (any, without `snapshot`), or null when a write kept slipping in between. */
async function startInStep(options: CsvOnWorkersOptions, n: number, dbFile: string): Promise<BatchPool | null> {
  const setup: CsvWorkerSetup = { dbFile, ...driverSetup(options.nativeBinding), ...(options.snapshot ? { snapshotMark: options.snapshot.sql } : {}) };
  for (let i = 0; i < SNAPSHOT_TRIES; i++) {
    const { pool, marks } = await BatchPool.start(options.worker, n, setup);
    const want = JSON.stringify(options.snapshot?.mark ?? null);
    if (marks.every((m) => JSON.stringify(m) === want)) return pool;
    await pool.close();
  }
  return null;
}

/** An export's workers: batch `seq` goes to worker seq mod n, which answers its batches in order. */
class BatchPool {
  private readonly waiting = new Map<number, { resolve: (a: { bytes: Uint8Array; rows: number }) => void; reject: (e: Error) => void }>();
  /** Why the pool stopped working (a worker failed or stopped): every order after it is refused at once. */
  private failure: Error | null = null;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (a: WorkerMessage) => {
        if ('ready' in a) return;
        const w = this.waiting.get(a.seq);
        this.waiting.delete(a.seq);
        if ('error' in a) w?.reject(new Error(a.error));
        else w?.resolve(a);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', () => this.fail(new Error('an export worker stopped')));
    }
  }

  /** Starts `n` workers and waits until each has opened the database (and read its snapshot's mark). */
  static async start(name: WorkerName, n: number, setup: CsvWorkerSetup): Promise<{ pool: BatchPool; marks: unknown[] }> {
    const code = await workerCode(name);
    // Capped heaps: a worker's young generation would grow to V8's default (tens of MB) on the short-lived strings
    // of the lines, and its old one grows well past what it keeps. A batch of 100 rows lives and dies inside 4 MB,
    // and 16 MB holds the code and the connection's statements with room to spare (measured on the Activity export
    // of 1M entries: 6-7 MB used at start, 13 MB at most; with 8 MB and no cap each worker grew to 22-25 MB).
    const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 16 };
    const workers = Array.from({ length: n }, () => new Worker(code, { eval: true, workerData: setup, resourceLimits }));
    const pool = new BatchPool(workers);
    try {
      const marks = await Promise.all(
        workers.map(
          (w) =>
            new Promise<unknown>((resolve, reject) => {
              const onMessage = (m: WorkerMessage) => {
                if (!('ready' in m)) return;
                w.off('message', onMessage);
                resolve(m.mark);
              };
              w.on('message', onMessage);
              w.once('error', reject);
              w.once('exit', () => reject(new Error('an export worker stopped')));
            }),
        ),
      );
      return { pool, marks };
    } catch (err) {
      await pool.close();
      throw err;
    }
  }

  order(seq: number, ids: number[]): Promise<{ bytes: Uint8Array; rows: number }> {
    const answer = new Promise<{ bytes: Uint8Array; rows: number }>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      this.waiting.set(seq, { resolve, reject });
      this.workers[seq % this.workers.length]?.postMessage({ seq, ids } satisfies BatchOrder);
    });
    answer.catch(() => {}); // batches still ahead when the export stops are never read: their failure is no news
    return answer;
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.fail(new Error('the export stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
