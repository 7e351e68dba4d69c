// The heavy parts of backups run on worker threads, so the app's main loop never waits on them: copying a
// database (SQLite's backup API, with the final flush of hundreds of megabytes) and reading a file's facts
// (PRAGMA integrity_check on a million people takes many seconds of CPU). One short-lived worker per job.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { driverSetup, workerCode } from '../workers/worker-code.ts';
import type { FileFacts } from './backup-check.ts';
import { MAX_FINDINGS } from './users-index-check.ts';
import type { UsersIndexAnswer, UsersIndexJob } from './users-index-worker.ts';

// Inline (eval) worker, as for bcrypt: the same code runs from TypeScript under vitest and from the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driverPath);
const HEADER = 'SQLite format 3\\u0000';
const binding = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};

function facts(file) {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  const read = fs.readSync(fd, header, 0, 16, 0);
  fs.closeSync(fd);
  if (read < 16 || header.toString('latin1') !== HEADER) return { sqlite: false };
  const db = new Database(file, { readonly: true, fileMustExist: true, ...binding });
  try {
    db.pragma('mmap_size = 1073741824'); // reading through a memory map makes the integrity check ~1.5x faster
    const has = (t) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(t) !== undefined;
    const out = { sqlite: true };
    out.userVersion = db.pragma('user_version', { simple: true });
    out.objects = db.prepare("SELECT type || ':' || name AS o FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger')").pluck().all();
    // SQLite's integrity check of everything but the users table's indexes, which users-index-worker.ts checks
    // meanwhile on another thread: quick_check reads every page of every b-tree (structure, free pages, NOT NULL
    // and CHECK), then integrity_check of each other table adds its indexes' contents.
    const problems = db.prepare('PRAGMA quick_check(20)').pluck().all().filter((r) => r !== 'ok');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'users' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name").pluck().all();
    for (const t of tables) {
      if (problems.length >= 20) break;
      const quoted = '"' + t.replace(/"/g, '""') + '"';
      for (const r of db.prepare('PRAGMA integrity_check(' + quoted + ')').pluck().all()) if (r !== 'ok') problems.push(r);
    }
    out.integrity = problems.length ? problems.slice(0, 20) : ['ok'];
    if (has('users')) {
      out.people = db.prepare('SELECT COUNT(*) FROM users').pluck().get();
      out.activeAdmins = db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1").pluck().get();
    }
    if (has('audit_log')) out.newestAudit = db.prepare('SELECT at, action FROM audit_log ORDER BY id DESC LIMIT 1').get() || null;
    return out;
  } finally {
    db.close();
  }
}

async function copy({ source, target, pagesPerStep }) {
  const src = new Database(source, { readonly: true, fileMustExist: true, ...binding });
  let userVersion;
  try {
    // A read transaction held for the whole copy pins one snapshot: the app's writes meanwhile (on its own
    // connection) neither enter the copy half-way nor make SQLite restart it.
    src.exec('BEGIN');
    userVersion = src.pragma('user_version', { simple: true });
    await src.backup(target, {
      progress({ totalPages, remainingPages }) {
        parentPort.postMessage({ progress: totalPages ? 1 - remainingPages / totalPages : null });
        return pagesPerStep;
      },
    });
    src.exec('COMMIT');
  } finally {
    src.close();
  }
  // One self-contained file (no WAL beside it), flushed to disk.
  const dst = new Database(target, binding);
  try {
    dst.pragma('journal_mode = DELETE');
  } finally {
    dst.close();
  }
  const fd = fs.openSync(target, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { userVersion };
}

(async () => {
  try {
    const job = workerData.job;
    parentPort.postMessage({ done: job.op === 'copy' ? await copy(job) : facts(job.file) });
  } catch (err) {
    const message = String((err && err.message) || err);
    if (workerData.job.op === 'facts') {
      parentPort.postMessage({ done: /not a database|NOTADB/i.test(message) ? { sqlite: false } : { sqlite: true, error: message } });
    } else {
      parentPort.postMessage({ error: message });
    }
  }
})();
`;

export interface WorkerOptions {
  /** better-sqlite3 binding for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
  /** Stops the job (Roster is closing): the worker is terminated. */
  signal?: AbortSignal;
}

type Job = { op: 'facts'; file: string } | { op: 'copy'; source: string; target: string; pagesPerStep: number };

function runJob<T>(job: Job, options: WorkerOptions, onProgress?: (fraction: number | null) => void): Promise<T> {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    options.signal?.throwIfAborted();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { job, driverPath, nativeBinding: options.nativeBinding } });
    let settled = false;
    const abort = () => void worker.terminate();
    options.signal?.addEventListener('abort', abort, { once: true });
    // The worker ends by itself once it has answered (its script has nothing left to do).
    worker.on('message', (m: { progress?: number | null; done?: T; error?: string }) => {
      if ('progress' in m) return onProgress?.(m.progress ?? null);
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.done as T);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(options.signal?.aborted ? new Error('stopped: Roster is closing') : new Error(`the backup worker stopped (exit code ${code})`));
    });
  });
}

/** Reads a file's facts. Never fails for a bad file: the facts say what is wrong. */
export async function readFileFacts(file: string, options: WorkerOptions = {}): Promise<FileFacts> {
  // The two halves of the integrity check run at once, one per core (see users-index-check.ts for why). If the
  // facts' half fails, the users half is stopped: it keeps neither the file open nor a core busy after the answer.
  // (The users half failing is no reason to stop the other: a file that is not SQLite at all fails it, and the
  // facts say so.)
  const factsFailed = new AbortController();
  const usersSignal = options.signal ? AbortSignal.any([options.signal, factsFailed.signal]) : factsFailed.signal;
  const factsHalf = runJob<FileFacts>({ op: 'facts', file }, options);
  factsHalf.catch(() => factsFailed.abort());
  const [facts, users] = await Promise.allSettled([factsHalf, checkUsersIndexes(file, { ...options, signal: usersSignal })]);
  options.signal?.throwIfAborted();
  if (facts.status === 'rejected') return { sqlite: true, error: errorText(facts.reason) };
  if (!facts.value.sqlite || facts.value.error !== undefined || !facts.value.integrity) return facts.value;
  if (users.status === 'rejected') return { ...facts.value, error: `the users table could not be checked: ${errorText(users.reason)}` };
  const problems = [...facts.value.integrity.filter((r) => r !== 'ok'), ...users.value].slice(0, MAX_FINDINGS);
  return { ...facts.value, integrity: problems.length ? problems : ['ok'] };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The users indexes' problems ([] when sound), or why they could not be checked. */
async function checkUsersIndexes(file: string, options: WorkerOptions): Promise<string[]> {
  const job: UsersIndexJob = { file, ...driverSetup(options.nativeBinding) };
  const code = await workerCode('users-index-worker');
  options.signal?.throwIfAborted();
  const worker = new Worker(code, { eval: true, workerData: job });
  const abort = () => void worker.terminate();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      worker.once('message', (m: UsersIndexAnswer) => ('findings' in m ? resolve(m.findings) : reject(new Error(m.error))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(options.signal?.aborted ? new Error('stopped') : new Error(`the users index check stopped (exit code ${code})`)));
    });
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

/**
 * Copies the database at `source` to `target` (which must not exist or be empty) as one snapshot, then makes the
 * copy a single flushed file. Returns the copied schema version.
 */
export function copyDatabase(
  source: string,
  target: string,
  options: WorkerOptions & { pagesPerStep: number; onProgress?: (fraction: number | null) => void },
): Promise<{ userVersion: number }> {
  return runJob({ op: 'copy', source, target, pagesPerStep: options.pagesPerStep }, options, options.onProgress);
}
