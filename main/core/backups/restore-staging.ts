// Prepares a restore in two stages. Staging copies the chosen file beside the live database (roster.db.incoming)
// through SQLite's backup API on a worker thread: a WAL beside the source is honoured and the source is only read. Once the admin
// confirms, readying turns that copy into a database Roster can serve: upgraded to this Roster's schema, every
// session ended, outstanding invite and reset codes revoked, and the restore recorded in its audit log.
import fs from 'node:fs';
import path from 'node:path';
import type { HeadRecord } from '../audit/audit-head-file.ts';
import { AuditRepo } from '../db/audit-repo.ts';
import { LATEST_VERSION } from '../db/migrations.ts';
import { AppError } from '../errors.ts';
import { judge, type Judgement } from './backup-check.ts';
import { copyDatabase, readFileFacts } from './backup-worker.ts';
import { closeDatabase, openDatabase } from '../db/open-database.ts';
import { fsyncDir, fsyncFile, removeIfPresent } from './durable-files.ts';
import { INCOMING_FILE } from './restore-swap.ts';

export interface StageOptions {
  nativeBinding?: string;
  pagesPerStep: number;
  onProgress?: (fraction: number | null) => void;
  signal?: AbortSignal;
}

export function removeIncoming(dataDir: string): void {
  const incoming = path.join(dataDir, INCOMING_FILE);
  for (const f of [incoming, `${incoming}-journal`, `${incoming}-wal`, `${incoming}-shm`]) removeIfPresent(f);
}

/** Copies `source` to roster.db.incoming (replacing an earlier one) as a single owner-only file; returns its path. */
export async function stageIncoming(source: string, dataDir: string, options: StageOptions): Promise<string> {
  removeIncoming(dataDir);
  const incoming = path.join(dataDir, INCOMING_FILE);
  fs.writeFileSync(incoming, '', { mode: 0o600, flag: 'wx' });
  try {
    await copyDatabase(source, incoming, { nativeBinding: options.nativeBinding, signal: options.signal, pagesPerStep: options.pagesPerStep, onProgress: options.onProgress });
    return incoming;
  } catch (err) {
    removeIncoming(dataDir);
    throw err;
  }
}

export interface ReadyOptions {
  nativeBinding?: string;
  now: number;
  /** Recorded in the restored database's audit log. */
  from: string;
  byEmail: string;
  savedCurrentAs: string;
}

/**
 * Makes the staged copy ready to be swapped in, in one transaction after any schema upgrade. Returns the head record
 * its audit log will have once in place: the restore's own entry, the chain continuing from the backup's.
 */
export async function readyIncoming(dataDir: string, options: ReadyOptions): Promise<HeadRecord> {
  const incoming = path.join(dataDir, INCOMING_FILE);
  const db = await openDatabase(incoming, { nativeBinding: options.nativeBinding, now: () => options.now, backupBeforeMigrating: false });
  let head: HeadRecord;
  try {
    const audit = new AuditRepo(db);
    head = db.transaction(() => {
      const sessionsEnded = db.prepare('DELETE FROM sessions').run().changes;
      // A code used or revoked after the backup was taken would otherwise work again.
      const revoked = db.prepare('UPDATE one_time_codes SET used_at = ? WHERE used_at IS NULL').run(options.now).changes;
      // No live invite is left, whatever the file's own copy of that says (migration 7's column, kept by triggers a
      // crafted file need not have run): otherwise someone could stay "Invite pending", spared by the idle policy.
      db.prepare('UPDATE users SET invite_expires_at = NULL WHERE invite_expires_at IS NOT NULL').run();
      const actor = db.prepare<[string], { id: number }>('SELECT id FROM users WHERE email = ?').get(options.byEmail);
      audit.record(options.now, actor?.id ?? null, 'backup_restored', null, {
        from: options.from,
        by: options.byEmail,
        savedCurrentAs: options.savedCurrentAs,
        sessionsEnded,
        invitesAndResetsRevoked: revoked,
      });
      const last = audit.head();
      if (!last?.hash) throw new Error('the restored log has no chained newest entry'); // the entry just recorded
      return { id: last.id, hash: last.hash.toString('hex'), since: { id: last.id, at: options.now } };
    }).immediate();
  } finally {
    closeDatabase(db); // checkpoints: the file alone is the whole database
  }
  await fsyncFile(incoming);
  fsyncDir(dataDir);
  return head;
}

export type Restorable = Extract<Judgement, { ok: true }>;

/** Turns SQLite's words for an unreadable source into the contract's codes. */
function sourceError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/NOTADB|not a database/i.test(message)) return new AppError('NOT_A_ROSTER_DATABASE', 'This file is not a Roster database (not an SQLite database file).');
  if (/CORRUPT|malformed/i.test(message)) return new AppError('BACKUP_DAMAGED', `This backup is damaged: ${message}.`);
  return new AppError('BACKUP_FAILED', `Roster could not read this backup: ${message}.`);
}

/**
 * Stages `source` and checks the staged copy: a sound Roster database with a schema this Roster can open and at
 * least one active admin. On any refusal the staged copy is removed and a coded AppError says why.
 */
export async function stageAndCheck(
  source: string,
  dataDir: string,
  options: StageOptions & { onChecking?: () => void },
): Promise<Restorable> {
  let staged: string;
  try {
    staged = await stageIncoming(source, dataDir, options);
  } catch (err) {
    throw sourceError(err);
  }
  try {
    options.onChecking?.();
    const judgement = judge(await readFileFacts(staged, { nativeBinding: options.nativeBinding, signal: options.signal }), LATEST_VERSION);
    if (!judgement.ok) throw new AppError(judgement.code, judgement.message);
    if (judgement.activeAdmins === 0) {
      throw new AppError('BACKUP_NO_ADMIN', 'This backup has no active admin: after restoring it, nobody could sign in to manage Roster.');
    }
    return judgement;
  } catch (err) {
    removeIncoming(dataDir);
    throw err;
  }
}
