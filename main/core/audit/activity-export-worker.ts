// One of a long Activity export's worker threads (activity-export.ts): turns batches of entry ids into CSV bytes
// on its own read-only connection, so the formatting of a million entries is shared between cores and main's loop
// only writes. Bundled on its own (scripts/build.mjs) and started with `eval` (main/core/workers/worker-code.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openWithDriver } from '../workers/worker-driver.ts';
import { csvBatch } from './activity-csv.ts';
import type { BatchAnswer, BatchOrder, ExportWorkerSetup } from './activity-export.ts';
import { ActivityQuery } from './activity-query.ts';

const setup = workerData as ExportWorkerSetup;
const port = parentPort;
if (!port) throw new Error('the export worker runs only as a worker thread');
const db = openWithDriver(setup, setup.dbFile, true);
db.pragma('cache_size = -1024'); // 1 MiB: the entries are read once and the people looked up are spread thin (a larger cache only held memory)
const query = new ActivityQuery(db);
const encoder = new TextEncoder();

port.on('message', (order: BatchOrder | 'close') => {
  if (order === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const { text, rows } = csvBatch(db, query, order.ids);
    const bytes = encoder.encode(text); // its own buffer: handed over, not copied
    port.postMessage({ seq: order.seq, bytes, rows } satisfies BatchAnswer, [bytes.buffer]);
  } catch (err) {
    port.postMessage({ seq: order.seq, error: err instanceof Error ? err.message : String(err) } satisfies BatchAnswer);
  }
});
