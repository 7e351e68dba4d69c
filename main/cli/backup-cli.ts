// `npm run backup -- --data-dir DIR [--to FOLDER]` and `npm run restore -- --data-dir DIR --from FILE [--yes]`:
// the Backups page's two operations for scripts. A backup is safe while Roster runs (SQLite's online backup of one
// snapshot, from a read-only connection); a restore refuses while Roster runs on that folder (the data-folder lock).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkReadableFile, checkWritableFolder } from '../core/backups/backup-paths.ts';
import { BackupSettingsStore } from '../core/backups/backup-settings.ts';
import { PAGES_PER_STEP, writeBackup } from '../core/backups/backup-writer.ts';
import { freeBackupPath } from '../core/backups/backup-catalog.ts';
import { readyIncoming, removeIncoming, stageAndCheck } from '../core/backups/restore-staging.ts';
import { finishInterruptedRestore, swapInIncoming } from '../core/backups/restore-swap.ts';
import { lockDataDir } from '../core/data-dir-lock.ts';
import { DATABASE_FILE, resolveDataDir } from '../core/data-dir.ts';
import { AuditRepo } from '../core/db/audit-repo.ts';
import { LATEST_VERSION } from '../core/db/migrations.ts';
import { closeDatabase, openDatabase } from '../core/db/open-database.ts';
import { confSettingsStore } from '../core/settings/settings-store.ts';

const USAGE = `Usage:
  npm run backup -- --data-dir DIR [--to FOLDER]
  npm run restore -- --data-dir DIR --from FILE [--yes]`;


class CliError extends Error {}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function backup(dataDir: string, to: string | undefined): Promise<void> {
  const dbFile = path.join(dataDir, DATABASE_FILE);
  const settings = new BackupSettingsStore(confSettingsStore(dataDir), dataDir);
  const chosen = to ?? (settings.get().folder || null);
  const folder = chosen ? checkWritableFolder(chosen, 'to') : settings.defaultFolder;
  if (!chosen) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(dbFile)) throw new CliError(`There is no Roster database in ${dataDir} (${DATABASE_FILE} is missing).`);
  const { entry, judgement } = await writeBackup({ source: dbFile, folder, kind: 'manual', now: Date.now });
  process.stdout.write(`Backed up to ${entry.path}\n  ${entry.people ?? '?'} people, ${mb(entry.sizeBytes)}, schema ${entry.schemaVersion}, integrity ${entry.integrity}\n`);
  if (!judgement.ok) throw new CliError(`The copy failed its check, so the database itself may be damaged: ${judgement.message}`);
}

async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim() === 'RESTORE';
  } finally {
    rl.close();
  }
}

async function restore(dataDir: string, from: string, yes: boolean): Promise<void> {
  let unlock: () => void;
  try {
    unlock = lockDataDir(dataDir);
  } catch (err) {
    throw new CliError(`${(err as Error).message} Restore from Admin Panel → Backups instead, or close Roster and run this again.`);
  }
  try {
    const recovered = finishInterruptedRestore(dataDir);
    if (recovered.kind !== 'none') process.stderr.write(`Note: an interrupted restore from ${recovered.from} was ${recovered.kind === 'completed' ? 'finished' : 'rolled back'}.\n`);
    const source = checkReadableFile(from, 'from');
    process.stderr.write(`Checking ${source} (integrity check)…\n`);
    const found = await stageAndCheck(source, dataDir, { pagesPerStep: PAGES_PER_STEP });
    process.stdout.write(
      `Backup: ${source}\n  ${found.people} people, ${found.activeAdmins} active admin${found.activeAdmins === 1 ? '' : 's'}, schema ${found.schemaVersion}` +
        `${found.schemaVersion < LATEST_VERSION ? ` (will be upgraded to ${LATEST_VERSION})` : ''}\n` +
        `  newest audit entry: ${found.newestAudit ? `${new Date(found.newestAudit.at).toISOString()} ${found.newestAudit.action}` : 'none'}\n`,
    );
    if (!yes && process.stdin.isTTY && !(await confirm('This replaces the current database and ends every session. Type RESTORE to continue: '))) {
      removeIncoming(dataDir);
      throw new CliError('Not restored.');
    }
    const now = Date.now();
    const current = path.join(dataDir, DATABASE_FILE);
    const by = `command line (${os.userInfo().username}@${os.hostname()})`;
    const settings = new BackupSettingsStore(confSettingsStore(dataDir), dataDir);
    const savedCurrentAs = freeBackupPath(settings.defaultFolder, now, LATEST_VERSION, 'before-restore');
    const auditHead = await readyIncoming(dataDir, { now, from: source, byEmail: by, savedCurrentAs });
    // The last write to the current database says where it went, then it is closed with its WAL checkpointed.
    if (fs.existsSync(current)) {
      const db = await openDatabase(current);
      new AuditRepo(db).record(now, null, 'restore_started', null, { from: source, savedCurrentAs, by });
      closeDatabase(db);
    }
    try {
      swapInIncoming(dataDir, { savedCurrentAs, from: source, startedAt: now, auditHead });
    } catch (err) {
      if (finishInterruptedRestore(dataDir).kind !== 'completed') throw new CliError(`The restore failed and the current database was kept: ${(err as Error).message}`);
    }
    settings.updateStatus({ interruptedRestore: null });
    process.stdout.write(`Restored. The database it replaced is saved as ${savedCurrentAs}\nEvery session has ended: sign in again.\n`);
  } finally {
    unlock();
  }
}

async function main(): Promise<void> {
  process.umask(0o077); // backups hold every account: readable by this user only
  const [command, ...rest] = process.argv.slice(2);
  let values;
  try {
    values = parseArgs({
      args: rest,
      options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, from: { type: 'string' }, yes: { type: 'boolean', default: false } },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  const dataDir = resolveDataDir(values['data-dir']);
  if (command === 'backup') {
    if (values.from || values.yes) throw new CliError(`--from and --yes are for restore.\n${USAGE}`);
    return backup(dataDir, values.to);
  }
  if (command === 'restore') {
    if (!values.from) throw new CliError(`Say which backup to restore with --from FILE.\n${USAGE}`);
    if (values.to) throw new CliError(`--to is for backup.\n${USAGE}`);
    return restore(dataDir, values.from, values.yes);
  }
  throw new CliError(USAGE);
}

main().catch((err: unknown) => {
  // Refusals (AppError, CliError) carry a sentence for a person; anything else is a bug and keeps its stack.
  const error = err instanceof Error ? err : new Error(String(err));
  const known = error instanceof CliError || ['AppError', 'DataDirError', 'DatabaseFileError'].includes(error.name);
  process.stderr.write(`${command()}: ${known ? error.message : error.stack ?? error.message}\n`);
  process.exit(1);
});

function command(): string {
  return process.argv[2] === 'restore' ? 'Roster restore' : 'Roster backup';
}
