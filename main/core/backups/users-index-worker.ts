// The users table's part of a file's integrity check (users-index-check.ts), on its own worker thread so it runs
// beside SQLite's check of everything else (backup-worker.ts). Answers the problems it found: [] when sound.
import { parentPort, workerData } from 'node:worker_threads';
import { openWithDriver } from '../workers/worker-driver.ts';
import type { DriverSetup } from '../workers/worker-code.ts';
import { rosterUsersIndexes, usersIndexFindings, MAX_FINDINGS } from './users-index-check.ts';

export interface UsersIndexJob extends DriverSetup {
  file: string;
}
export type UsersIndexAnswer = { findings: string[] } | { error: string };

const job = workerData as UsersIndexJob;
if (!parentPort) throw new Error('the users index check runs only as a worker thread');
const port = parentPort;

function findings(): string[] {
  const db = openWithDriver(job, job.file, true);
  try {
    db.pragma('mmap_size = 1073741824'); // as the rest of the check: scans read through the map
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users'").get()) return [];
    const specs = rosterUsersIndexes(db);
    // Not Roster's own indexes, or values this check cannot judge (an odd or altered file): SQLite's own, slower
    // check of the table.
    const findings = specs && usersIndexFindings(db, specs);
    return findings ?? (db.prepare(`PRAGMA integrity_check(users)`).pluck().all() as string[]).filter((r) => r !== 'ok').slice(0, MAX_FINDINGS);
  } finally {
    db.close();
  }
}

try {
  port.postMessage({ findings: findings() } satisfies UsersIndexAnswer);
} catch (err) {
  port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies UsersIndexAnswer);
}
