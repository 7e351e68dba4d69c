// The backups in a folder: Roster-named files, each with a small record of its last check beside it
// (`<name>.check.json`), so the list shows people and integrity without reopening every copy.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupKind } from '../../../common/backups.ts';
import { backupFileName, parseBackupName } from './backup-names.ts';
import type { FileFacts, Judgement } from './backup-check.ts';
import { removeIfPresent, writeFileDurably } from './durable-files.ts';

export const CHECK_SUFFIX = '.check.json';

/** What the last check of a backup found, tied to the file's size and time so a changed file reads "unchecked". */
interface CheckRecord {
  sizeBytes: number;
  mtimeMs: number;
  checkedAt: number;
  /** PRAGMA integrity_check said "ok" (true) or found problems (false); null: not run (people counted only). */
  ok: boolean | null;
  /** Why the file cannot be restored, when it cannot (damaged, or not usable by this Roster). */
  detail: string | null;
  people: number | null;
}

export function writeCheckRecord(file: string, facts: FileFacts, judgement: Judgement, checkedAt: number): void {
  const st = fs.statSync(file);
  const record: CheckRecord = {
    sizeBytes: st.size,
    mtimeMs: st.mtimeMs,
    checkedAt,
    ok: facts.integrity?.length === 1 && facts.integrity[0] === 'ok',
    detail: judgement.ok ? null : judgement.message,
    people: facts.people ?? null,
  };
  writeFileDurably(`${file}${CHECK_SUFFIX}`, `${JSON.stringify(record)}\n`);
}

function readCheckRecord(file: string, st: fs.Stats): CheckRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(`${file}${CHECK_SUFFIX}`, 'utf8')) as CheckRecord;
    return record.sizeBytes === st.size && record.mtimeMs === st.mtimeMs ? record : null;
  } catch {
    return null;
  }
}

/** Records what is known of a copy that was not checked: the database saved before a restore, its people. */
export function writeUncheckedRecord(file: string, people: number, at: number): void {
  const st = fs.statSync(file);
  const record: CheckRecord = { sizeBytes: st.size, mtimeMs: st.mtimeMs, checkedAt: at, ok: null, detail: null, people };
  writeFileDurably(`${file}${CHECK_SUFFIX}`, `${JSON.stringify(record)}\n`);
}

/** One backup file as the list shows it, or null when the file is not a Roster-named backup or is gone. */
export function describeBackup(file: string): BackupEntry | null {
  const parsed = parseBackupName(path.basename(file));
  if (!parsed) return null;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const check = readCheckRecord(file, st);
  return {
    path: file,
    fileName: parsed.fileName,
    kind: parsed.kind,
    takenAt: new Date(parsed.takenAt).toISOString(),
    schemaVersion: parsed.schemaVersion,
    sizeBytes: st.size,
    people: check?.people ?? null,
    integrity: check?.ok == null ? 'unchecked' : check.ok ? 'ok' : 'damaged',
    integrityDetail: check?.detail ?? null,
    checkedAt: check?.ok == null ? null : new Date(check.checkedAt).toISOString(),
  };
}

/** The Roster backups in `folder`, newest first. A missing folder holds none; other errors are thrown. */
export function listBackupFolder(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  // Names start with the UTC time, so reverse name order is newest first.
  return names
    .sort()
    .reverse()
    .flatMap((name) => describeBackup(path.join(folder, name)) ?? []);
}

export function deleteBackup(file: string): void {
  removeIfPresent(file);
  removeIfPresent(`${file}${CHECK_SUFFIX}`);
}

/** A path in `folder` not taken yet for this time, schema version and kind. */
export function freeBackupPath(folder: string, takenAt: number, version: number, kind: BackupKind): string {
  for (let n = 0; ; n++) {
    const file = path.join(folder, backupFileName(takenAt, version, kind, n));
    if (!fs.existsSync(file)) return file;
  }
}
