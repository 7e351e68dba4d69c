// One bulk action's (or undo's) worker thread: opens its own connection and runs the job's ONE IMMEDIATE
// transaction (bulk-write.ts), posting progress as it goes, so main's loop stays free however many people it
// changes. Bundled on its own (scripts/build.mjs) and started by bulk-runner.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { BulkMessage, BulkWorkerSetup } from './bulk-protocol.ts';
import { BulkRefusal, runBulk, runUndo } from './bulk-write.ts';
import { openWithDriver } from '../workers/worker-driver.ts';
import { runIdlePolicy } from '../policy/idle-policy-write.ts';
import { packAdded } from '../people-csv/added-people.ts';

const setup = workerData as BulkWorkerSetup;
if (!parentPort) throw new Error('the bulk worker runs only as a worker thread');
const port = parentPort;
const send = (m: BulkMessage) => port.postMessage(m);

const db = openWithDriver(setup, setup.dbFile, false);
try {
  db.pragma('busy_timeout = 5000');
  // As the import's worker: a large cache (every index of users and audit_log is touched), statement journals in memory.
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const report = (progress: Parameters<Parameters<typeof runBulk>[2]>[0]) => send({ progress });
  const { job } = setup;
  const handOut = (people: Parameters<Parameters<typeof runBulk>[3] & object>[0]) => {
    const { batch, transfer } = packAdded(people);
    port.postMessage({ invited: batch } satisfies BulkMessage, transfer);
  };
  send({ done: job.op === 'bulk' ? runBulk(db, job.order, report, handOut) : job.op === 'undo' ? runUndo(db, job.order, report) : runIdlePolicy(db, job.order, report) });
} catch (err) {
  send({ failed: { code: err instanceof BulkRefusal ? err.code : undefined, message: err instanceof Error ? err.message : String(err) } });
} finally {
  db.close();
}
