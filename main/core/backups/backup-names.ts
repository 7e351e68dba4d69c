// How backup files are named (date, schema version, kind) and which ones retention removes. Pure functions.
import type { BackupKind } from '../../../common/backups.ts';

export interface ParsedBackupName {
  fileName: string;
  takenAt: number;
  schemaVersion: number;
  kind: BackupKind;
}

const NAME = /^roster-(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-schema(\d+)-(auto|manual|before-restore)(?:-(\d+))?\.db$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** e.g. roster-2026-01-31_09-30-00-000Z-schema2-auto.db (UTC, so names sort by time and never repeat an hour). */
export function backupFileName(takenAt: number, schemaVersion: number, kind: BackupKind, duplicate = 0): string {
  const d = new Date(takenAt);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}-${pad(d.getUTCMilliseconds(), 3)}`;
  return `roster-${date}_${time}Z-schema${schemaVersion}-${kind}${duplicate ? `-${duplicate}` : ''}.db`;
}

export function parseBackupName(fileName: string): ParsedBackupName | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  const takenAt = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (Number.isNaN(takenAt) || new Date(takenAt).getUTCDate() !== d) return null;
  return { fileName, takenAt, schemaVersion: Number(m[8]), kind: m[9] as BackupKind };
}

/** Newest first; the name's time, then the name itself so the order is total. */
export function newestFirst<T extends { takenAt: number; fileName: string }>(backups: T[]): T[] {
  return [...backups].sort((a, b) => b.takenAt - a.takenAt || (a.fileName < b.fileName ? 1 : -1));
}

/**
 * The automatic backups to delete so that only the newest `keep` remain. Backups made with "Back up now", from
 * the command line, or before a restore are the admin's own: retention never removes them.
 */
export function backupsToPrune<T extends { takenAt: number; fileName: string; kind: BackupKind }>(backups: T[], keep: number): T[] {
  return newestFirst(backups.filter((b) => b.kind === 'auto')).slice(Math.max(1, keep));
}
