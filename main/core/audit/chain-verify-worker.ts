// One range of the audit chain's check (chain-verify.ts), on a worker thread with its own read-only connection.
// Bundled on its own (scripts/build.mjs) and started with `eval` (main/core/workers/worker-code.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openWithDriver } from '../workers/worker-driver.ts';
import { checkLinks, type RangeJob } from './chain-links.ts';

const job = workerData as RangeJob;
const port = parentPort;
if (!port) throw new Error('the chain check runs only as a worker thread');
try {
  const db = openWithDriver(job, job.dbFile, true);
  try {
    port.postMessage({ done: checkLinks(db, job.start, job.upTo) });
  } finally {
    db.close();
  }
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
