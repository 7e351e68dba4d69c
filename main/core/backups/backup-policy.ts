// When an automatic backup is due and what the Backups page warns about: pure functions of the settings, the
// backups on disk, the last outcomes and the time.
import type { BackupEntry, BackupSettings, BackupWarning } from '../../../common/backups.ts';
import type { BackupStatus } from './backup-settings.ts';

export const HOUR_MS = 60 * 60 * 1000;
/** After a failed automatic backup, the next try waits this long (or the interval, if shorter). */
export const RETRY_AFTER_FAILURE_MS = HOUR_MS;

export interface DueFacts {
  settings: BackupSettings;
  /** Time of the newest backup in the folder, of any kind; null when there is none. */
  newestAt: number | null;
  lastFailureAt: number | null;
  /** Nothing worth saving before the first admin exists. */
  hasPeople: boolean;
  now: number;
}

export function automaticBackupDue({ settings, newestAt, lastFailureAt, hasPeople, now }: DueFacts): boolean {
  if (!settings.automatic || !hasPeople) return false;
  const interval = settings.intervalHours * HOUR_MS;
  if (lastFailureAt !== null && now - lastFailureAt < Math.min(interval, RETRY_AFTER_FAILURE_MS)) return false;
  return newestAt === null || now - newestAt >= interval;
}

export interface WarningFacts {
  settings: BackupSettings;
  backups: BackupEntry[];
  status: BackupStatus;
  /** Why the folder could not be listed, if it could not. */
  folderProblem: string | null;
  hasPeople: boolean;
  now: number;
  formatTime: (ms: number) => string;
}

export function backupWarnings({ settings, backups, status, folderProblem, hasPeople, now, formatTime }: WarningFacts): BackupWarning[] {
  const warnings: BackupWarning[] = [];
  if (folderProblem) warnings.push({ severity: 'error', message: `Roster cannot read the backup folder: ${folderProblem}` });
  if (status.interruptedRestore) {
    const r = status.interruptedRestore;
    warnings.push({
      severity: 'warning',
      message:
        r.outcome === 'rolled-back'
          ? `A restore from ${r.from} was interrupted (${formatTime(r.at)}). Roster kept the database as it was before it.`
          : `A restore from ${r.from} was interrupted just after the database was replaced (${formatTime(r.at)}); Roster finished it when it started.`,
    });
  }
  if (status.lastFailure) {
    warnings.push({ severity: 'error', message: `The last backup failed (${formatTime(status.lastFailure.at)}): ${status.lastFailure.message}` });
  }
  const newest = backups[0];
  if (newest?.integrity === 'damaged') {
    warnings.push({ severity: 'error', message: `The newest backup failed its integrity check: ${newest.integrityDetail ?? 'damaged'}` });
  }
  if (!settings.automatic) {
    warnings.push({ severity: 'info', message: 'Automatic backups are off. Only the backups you make yourself are kept.' });
  }
  if (hasPeople && !folderProblem) {
    const interval = settings.intervalHours * HOUR_MS;
    if (!newest) warnings.push({ severity: 'warning', message: 'There is no backup yet.' });
    else if (now - Date.parse(newest.takenAt) > 2 * interval) {
      warnings.push({ severity: 'warning', message: `The newest backup is from ${formatTime(Date.parse(newest.takenAt))}, more than twice the backup interval ago.` });
    }
  }
  return warnings;
}
