// Checks a database file on a worker thread: PRAGMA integrity_check on a million people takes seconds of CPU,
// which must never stall the main loop. The worker only reads facts; judge() below decides what they mean.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { MIGRATIONS } from '../db/migrations.ts';

/** What the worker reads from a file. */
export interface FileFacts {
  /** false: not an SQLite file at all (or unreadable as one). */
  sqlite: boolean;
  error?: string;
  userVersion?: number;
  /** "type:name" of every table, index and trigger. */
  objects?: string[];
  /** PRAGMA integrity_check's rows: ['ok'] when sound. */
  integrity?: string[];
  people?: number;
  activeAdmins?: number;
  newestAudit?: { at: number; action: string } | null;
}

export type Judgement =
  | { ok: true; schemaVersion: number; people: number; activeAdmins: number; newestAudit: { at: number; action: string } | null }
  | { ok: false; code: 'NOT_A_ROSTER_DATABASE' | 'BACKUP_TOO_NEW' | 'BACKUP_DAMAGED'; message: string; schemaVersion?: number };

// Inline (eval) worker, as for bcrypt: the same code runs from TypeScript under vitest and from the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driverPath);
const HEADER = 'SQLite format 3\\u0000';
function facts(file) {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  const read = fs.readSync(fd, header, 0, 16, 0);
  fs.closeSync(fd);
  if (read < 16 || header.toString('latin1') !== HEADER) return { sqlite: false };
  const options = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  const db = new Database(file, options);
  try {
    db.pragma('mmap_size = 1073741824'); // reading through a memory map makes the integrity check ~1.5x faster
    const has = (t) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(t) !== undefined;
    const out = { sqlite: true };
    out.userVersion = db.pragma('user_version', { simple: true });
    out.objects = db.prepare("SELECT type || ':' || name AS o FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger')").pluck().all();
    out.integrity = db.prepare('PRAGMA integrity_check(20)').pluck().all();
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
try {
  parentPort.postMessage(facts(workerData.file));
} catch (err) {
  const message = String((err && err.message) || err);
  parentPort.postMessage(/not a database|NOTADB/i.test(message) ? { sqlite: false } : { sqlite: true, error: message });
}
`;

export interface CheckOptions {
  /** better-sqlite3 binding for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
}

/** Reads a file's facts on a worker thread. Never throws for a bad file: the facts say what is wrong. */
export function readFileFacts(file: string, options: CheckOptions = {}, signal?: AbortSignal): Promise<FileFacts> {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driverPath, nativeBinding: options.nativeBinding } });
    let answered = false;
    // Roster is closing: a check of a million people can take many seconds, so stop the worker.
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
    // The worker ends by itself once it has answered (its script has nothing left to do).
    worker.once('message', (facts: FileFacts) => {
      answered = true;
      resolve(facts);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the backup check stopped (exit code ${code})`));
    });
  });
}

/**
 * The tables, indexes and triggers Roster's migrations create up to `version`, read from their SQL (no database
 * needed, so this works under any runtime). Objects a later migration drops are taken out again.
 */
export function schemaObjectsAt(version: number, migrations = MIGRATIONS): Set<string> {
  const objects = new Set<string>();
  for (const m of [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version <= version)) {
    const sql = m.sql.replace(/--[^\n]*/g, '');
    for (const [, verb, type, name] of sql.matchAll(/\b(CREATE|DROP)\s+(?:VIRTUAL\s+)?(TABLE|INDEX|TRIGGER)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?["`]?(\w+)/gi)) {
      const key = `${type!.toLowerCase()}:${name}`;
      if (verb!.toUpperCase() === 'CREATE') objects.add(key);
      else objects.delete(key);
    }
  }
  return objects;
}

/** Decides whether a file is a sound Roster database this Roster can open (its schema equal or older). */
export function judge(facts: FileFacts, latestVersion: number): Judgement {
  const notRoster = (why: string): Judgement => ({ ok: false, code: 'NOT_A_ROSTER_DATABASE', message: `This file is not a Roster database (${why}).` });
  if (!facts.sqlite) return notRoster('not an SQLite database file');
  if (facts.error !== undefined || facts.userVersion === undefined || !facts.objects || !facts.integrity) {
    return { ok: false, code: 'BACKUP_DAMAGED', message: `This backup is damaged: SQLite could not read it (${facts.error ?? 'unknown error'}).` };
  }
  const version = facts.userVersion;
  if (version === 0) return notRoster('it has no Roster schema version');
  if (version > latestVersion) {
    return {
      ok: false,
      code: 'BACKUP_TOO_NEW',
      schemaVersion: version,
      message: `This backup was made by a newer Roster (schema ${version}; this Roster knows up to ${latestVersion}). Update Roster to restore it.`,
    };
  }
  const present = new Set(facts.objects);
  const missing = [...schemaObjectsAt(version)].filter((o) => !present.has(o));
  if (missing.length) return notRoster(`missing ${missing.slice(0, 3).map((o) => o.split(':')[1]).join(', ')}${missing.length > 3 ? ', …' : ''}`);
  if (facts.integrity.length !== 1 || facts.integrity[0] !== 'ok') {
    return {
      ok: false,
      code: 'BACKUP_DAMAGED',
      schemaVersion: version,
      message: `This backup is damaged: the integrity check found ${facts.integrity.length >= 20 ? 'at least 20 problems' : `${facts.integrity.length} problem${facts.integrity.length === 1 ? '' : 's'}`} (${facts.integrity[0]}).`,
    };
  }
  return { ok: true, schemaVersion: version, people: facts.people ?? 0, activeAdmins: facts.activeAdmins ?? 0, newestAudit: facts.newestAudit ?? null };
}
