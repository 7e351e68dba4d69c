// A long Activity export's CSV, made on worker threads: main reads the order of the entries (a covering index read,
// cheap) and hands out batches of ids; the workers look up the entries and the people they name, word them and
// encode the lines, which come back in order, at most a few batches ahead of the file. A short export (one or two
// batches), or a database in memory, is made here with the very same code (activity-csv.ts).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/open-database.ts';
import { driverSetup, workerCode, type DriverSetup } from '../workers/worker-code.ts';
import { csvBatch } from './activity-csv.ts';
import type { ActivityQuery } from './activity-query.ts';

export interface ExportWorkerSetup extends DriverSetup {
  dbFile: string;
}
export interface BatchOrder {
  seq: number;
  ids: number[];
}
export type BatchAnswer = { seq: number; bytes: Uint8Array; rows: number } | { seq: number; error: string };

export interface ExportOptions {
  /** Worker threads (default: one per core, at most 2: each holds its own engine and connection in memory). */
  workers?: number;
  nativeBinding?: string;
  /** Told the rows of each chunk as it is handed on. */
  onRows: (rows: number) => void;
}

/** The CSV lines of the entries in `batches` (ids, in file order), a chunk per batch. */
export async function* activityCsvChunks(db: Db, query: ActivityQuery, batches: Iterator<number[]>, options: ExportOptions): AsyncGenerator<string | Uint8Array> {
  const workers = options.workers ?? Math.min(os.availableParallelism(), 2);
  const first = batches.next();
  const second = first.done ? first : batches.next();
  const opening = [first, second].flatMap((r) => (r.done ? [] : [r.value]));
  if (second.done || workers < 1 || db.memory) {
    const rest: Iterable<number[]> = { [Symbol.iterator]: () => batches };
    for (const ids of [...opening, ...rest]) {
      const { text, rows } = csvBatch(db, query, ids);
      options.onRows(rows);
      yield text;
    }
    return;
  }
  const pool = await ExportPool.start(workers, { dbFile: db.name, ...driverSetup(options.nativeBinding) });
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

/** The export's workers: batch `seq` goes to worker seq mod n, which answers its batches in order. */
class ExportPool {
  private readonly waiting = new Map<number, { resolve: (a: { bytes: Uint8Array; rows: number }) => void; reject: (e: Error) => void }>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (a: BatchAnswer) => {
        const w = this.waiting.get(a.seq);
        this.waiting.delete(a.seq);
        if ('error' in a) w?.reject(new Error(a.error));
        else w?.resolve(a);
      });
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', () => this.failAll(new Error('an export worker stopped')));
    }
  }

  static async start(n: number, setup: ExportWorkerSetup): Promise<ExportPool> {
    const code = await workerCode('activity-export-worker');
    // Capped heaps: a worker's young generation would grow to V8's default (tens of MB) on the short-lived strings
    // of the lines, and its old one grows well past what it keeps. A batch of 100 entries lives and dies inside
    // 4 MB, and 16 MB holds the code and the connection's statements with room to spare (measured: 6-7 MB used at
    // start, 13 MB at most while exporting 1M entries; with 8 MB and no cap each worker grew to 22-25 MB).
    const resourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 16 };
    return new ExportPool(Array.from({ length: n }, () => new Worker(code, { eval: true, workerData: setup, resourceLimits })));
  }

  order(seq: number, ids: number[]): Promise<{ bytes: Uint8Array; rows: number }> {
    const answer = new Promise<{ bytes: Uint8Array; rows: number }>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.workers[seq % this.workers.length]?.postMessage({ seq, ids } satisfies BatchOrder);
    });
    answer.catch(() => {}); // batches still ahead when the export stops are never read: their failure is no news
    return answer;
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.failAll(new Error('the export stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
