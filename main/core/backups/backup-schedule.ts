// Runs automatic backups: checks shortly after start and then every minute whether one is due (the decision is
// automaticBackupDue, on the app's clock), so a machine that slept past the hour catches up when it wakes.
import { DueSchedule, type DueScheduleDeps } from '../services/due-schedule.ts';

export const CHECK_EVERY_MS = 60_000;
/**
 * The first check waits this long after start: a backup's integrity check keeps a core busy for a while (a minute
 * and more at a million people on a small machine), and the first minutes after start belong to the admin.
 */
export const START_GRACE_MS = 2 * 60_000;

export type ScheduleDeps = DueScheduleDeps;

export class BackupSchedule extends DueSchedule {
  constructor(deps: ScheduleDeps) {
    super(deps, { what: 'automatic backup', checkEveryMs: CHECK_EVERY_MS, graceMs: START_GRACE_MS });
  }
}
