// Opens (or creates) the Roster database with the pragmas Roster relies on, backing up and migrating old files.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\u0000';

export class DatabaseFileError extends Error {
  override name = 'DatabaseFileError';
}

export interface OpenOptions {
  /** Path of a better-sqlite3 native binding built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  migrations?: Migration[];
  now?: () => number;
  /** false for a file that is itself a copy (a backup being restored): its original stays untouched. */
  backupBeforeMigrating?: boolean;
}

/** Refuses anything that is not an SQLite file, so a stray file in the data folder is never overwritten. */
function assertSqliteOrAbsent(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new DatabaseFileError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const header = Buffer.alloc(16);
    const bytes = fs.readSync(fd, header, 0, 16, 0);
    if (bytes === 0) return; // an empty file is a fresh database to SQLite
    if (bytes < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new DatabaseFileError(
        `${file} is not a Roster database (not an SQLite file). Roster left it untouched; move it away or choose another data folder.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  assertSqliteOrAbsent(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a used one-time code or a deactivation must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (SQLite's default is 2 MiB), filled only as pages are read: a search that looks up a
    // few thousand scattered rows at 1M people then stays in memory instead of re-reading pages (~2x faster).
    db.pragma('cache_size = -65536');
    await migrate(db, file, options.migrations ?? MIGRATIONS, options.now ?? Date.now, options.backupBeforeMigrating ?? true);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof Error && /file is not a database|SQLITE_NOTADB/i.test(err.message)) {
      throw new DatabaseFileError(`${file} is not a Roster database. Roster left it untouched.`);
    }
    throw err;
  }
}

async function migrate(db: Db, file: string, migrations: Migration[], now: () => number, backupFirst: boolean): Promise<void> {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? Math.max(...migrations.map((m) => m.version)) : LATEST_VERSION;
  if (current > latest) {
    throw new DatabaseFileError(
      `${path.basename(file)} was written by a newer Roster (schema ${current}, this one knows ${latest}). Update Roster to open it.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (current > 0 && backupFirst) {
    // An online backup of the file as it was, so a failed or regretted upgrade loses nothing.
    await db.backup(`${file}.before-v${Math.max(...pending.map((m) => m.version))}-${now()}.bak`);
  }
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/**
 * A read-only connection for one long read (an export): its own snapshot, kept by a read transaction. No memory
 * map: it cut an export's CPU by ~30 % at 1M people, but every page it touched counted in the process's RSS
 * (+214 MB in the bench, whose target is 50).
 */
export function openReader(file: string, nativeBinding?: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Checkpoints the WAL into the main file and closes, so a stopped app leaves one tidy file. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
