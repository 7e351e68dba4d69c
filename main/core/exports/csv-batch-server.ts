// Inside an export's worker thread (csv-on-workers.ts): opens the database read-only (in one read transaction when
// the export asks for one snapshot), says it is ready, then answers each batch of ids with its CSV lines as bytes,
// handed over to main rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../db/open-database.ts';
import { openWithDriver } from '../workers/worker-driver.ts';
import type { BatchOrder, CsvBatch, CsvWorkerSetup, WorkerMessage } from './csv-on-workers.ts';

/** Serves batches with the function `prepare` returns for this worker's connection. */
export function serveCsvBatches(prepare: (db: Db) => (ids: number[]) => CsvBatch): void {
  const setup = workerData as CsvWorkerSetup;
  const port = parentPort;
  if (!port) throw new Error('an export worker runs only as a worker thread');
  const db = openWithDriver(setup, setup.dbFile, true);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -1024'); // 1 MiB: rows are read once, spread thin over the table (a larger cache only held memory)
  let mark: unknown = null;
  if (setup.snapshotMark) {
    db.exec('BEGIN'); // held until the worker ends: every batch reads the snapshot the mark was read in
    mark = db.prepare(setup.snapshotMark).raw().get();
  }
  const batch = prepare(db);
  const encoder = new TextEncoder();
  port.postMessage({ ready: true, mark } satisfies WorkerMessage);
  port.on('message', (order: BatchOrder) => {
    try {
      const { text, rows } = batch(order.ids);
      const bytes = encoder.encode(text); // its own buffer: handed over, not copied
      port.postMessage({ seq: order.seq, bytes, rows } satisfies WorkerMessage, [bytes.buffer]);
    } catch (err) {
      port.postMessage({ seq: order.seq, error: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
    }
  });
}
