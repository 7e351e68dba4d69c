// Writes one backup: the database is copied as one snapshot on a worker thread (SQLite's online backup API, so
// never a plain file copy of a live database), checked there too, made owner-only and renamed into place under
// its dated name. The app keeps working meanwhile: the copy reads its own snapshot, the app writes past it.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupKind } from '../../../common/backups.ts';
import { LATEST_VERSION } from '../db/migrations.ts';
import { describeBackup, freeBackupPath, writeCheckRecord } from './backup-catalog.ts';
import { judge, type Judgement } from './backup-check.ts';
import { copyDatabase, readFileFacts } from './backup-worker.ts';
import { removeIfPresent, renameDurably } from './durable-files.ts';

/** Pages (4 KiB) per backup step: a progress report every ~16 MB; the steps run on the worker, not the app's loop. */
export const PAGES_PER_STEP = 4096;

export interface WriteBackupOptions {
  /** The database file to copy (it may be in use by the app). */
  source: string;
  folder: string;
  kind: BackupKind;
  now: () => number;
  nativeBinding?: string;
  pagesPerStep?: number;
  onProgress?: (phase: string, fraction: number | null) => void;
  /** Stops the copy or check (Roster is closing). */
  signal?: AbortSignal;
}

export interface WrittenBackup {
  entry: BackupEntry;
  judgement: Judgement;
}

const PARTIAL = /^\.roster-backup-\d+-(\d+)\.partial(-journal|-wal|-shm)?$/;

/** True while a process with this id runs (another Roster writing its own backup into a shared folder). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, owned by someone else
  }
}

/**
 * Removes the half-written copies a process killed mid-backup left behind (its `finally` never ran): each names
 * the process that wrote it, so only copies of processes that are gone, or of an earlier life of this process id,
 * are removed. Backups are written one at a time, so this process has none in progress here.
 */
export function sweepAbandonedPartials(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    const pid = PARTIAL.exec(name)?.[1];
    if (pid !== undefined && (Number(pid) === process.pid || !running(Number(pid)))) removeIfPresent(path.join(folder, name));
  }
}

export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const { folder, kind, now, onProgress = () => {}, signal, nativeBinding } = options;
  const takenAt = now();
  const partial = path.join(folder, `.roster-backup-${takenAt}-${process.pid}.partial`);
  sweepAbandonedPartials(folder);
  try {
    onProgress('Copying the database', 0);
    // Created empty and owner-only first: SQLite keeps an existing file's mode, and gives its journals the same.
    fs.writeFileSync(partial, '', { mode: 0o600, flag: 'wx' });
    const { userVersion } = await copyDatabase(options.source, partial, {
      nativeBinding,
      signal,
      pagesPerStep: options.pagesPerStep ?? PAGES_PER_STEP,
      onProgress: (f) => onProgress('Copying the database', f),
    });
    fs.chmodSync(partial, 0o600);
    onProgress('Checking the copy (integrity check)', null);
    const facts = await readFileFacts(partial, { nativeBinding, signal });
    const judgement = judge(facts, Math.max(LATEST_VERSION, userVersion));
    const file = freeBackupPath(folder, takenAt, userVersion, kind);
    renameDurably(partial, file);
    writeCheckRecord(file, facts, judgement, now());
    const entry = describeBackup(file);
    if (!entry) throw new Error(`the backup ${file} disappeared as it was written`);
    return { entry, judgement };
  } finally {
    for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) removeIfPresent(f);
  }
}
