// Writes one backup: SQLite's online backup API copies the live database page by page in small steps (writes
// made meanwhile through the same connection land in the copy too), then the copy is made a single self-contained
// file, flushed, checked on a worker thread, made owner-only and renamed into place under its dated name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry, BackupKind } from '../../../common/backups.ts';
import type { Db } from '../db/open-database.ts';
import { LATEST_VERSION } from '../db/migrations.ts';
import { describeBackup, freeBackupPath, writeCheckRecord } from './backup-catalog.ts';
import { judge, type FileFacts, type Judgement } from './backup-check.ts';
import { fsyncFile, removeIfPresent, renameDurably } from './durable-files.ts';

/**
 * Pages copied per step of the online backup (4 KiB each). Between steps the event loop runs, so this bounds the
 * longest stall a backup causes: ~100 pages is a few milliseconds (see `npm run bench`, backups section).
 */
export const PAGES_PER_STEP = 100;

export interface WriteBackupOptions {
  /** The connection to copy from: the app's own (so its writes during the copy are included) or a read-only one. */
  source: Db;
  folder: string;
  kind: BackupKind;
  now: () => number;
  /** Reads the copy's facts (integrity, people) off the main thread. */
  readFacts: (file: string) => Promise<FileFacts>;
  nativeBinding?: string;
  pagesPerStep?: number;
  onProgress?: (phase: string, fraction: number | null) => void;
  /** Stops the copy between two steps (Roster is closing). */
  signal?: AbortSignal;
}

export interface WrittenBackup {
  entry: BackupEntry;
  judgement: Judgement;
}

/** Turns the fresh copy into one file (no WAL beside it), so it can be moved, copied or restored on its own. */
function makeSelfContained(file: string, nativeBinding?: string): void {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const { source, folder, kind, now, onProgress = () => {} } = options;
  const takenAt = now();
  const version = source.pragma('user_version', { simple: true }) as number;
  const partial = path.join(folder, `.roster-backup-${takenAt}-${process.pid}.partial`);
  try {
    onProgress('Copying the database', 0);
    // Created empty and owner-only first: SQLite keeps an existing file's mode, and gives its journals the same.
    fs.writeFileSync(partial, '', { mode: 0o600, flag: 'wx' });
    await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.signal?.throwIfAborted();
        onProgress('Copying the database', totalPages ? 1 - remainingPages / totalPages : null);
        return options.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
    onProgress('Saving the copy', 1); // from here on, writes to the database are no longer copied
    makeSelfContained(partial, options.nativeBinding);
    fs.chmodSync(partial, 0o600);
    await fsyncFile(partial);
    onProgress('Checking the copy (integrity check)', null);
    const facts = await options.readFacts(partial);
    const judgement = judge(facts, Math.max(LATEST_VERSION, version));
    const file = freeBackupPath(folder, takenAt, version, kind);
    renameDurably(partial, file);
    writeCheckRecord(file, facts, judgement, now());
    const entry = describeBackup(file);
    if (!entry) throw new Error(`the backup ${file} disappeared as it was written`);
    return { entry, judgement };
  } finally {
    removeIfPresent(partial);
    removeIfPresent(`${partial}-journal`);
    removeIfPresent(`${partial}-wal`);
    removeIfPresent(`${partial}-shm`);
  }
}
