// Backup settings and the outcome of the last attempts, kept in config.json (the SettingsStore) and not in the
// database: a restore must not roll back where backups go or forget that the last one failed, and a folder path
// belongs to this machine, not to a database file that may be moved to another.
import path from 'node:path';
import { z } from 'zod';
import { backupSettingsInput, type BackupSettings } from '../../../common/backups.ts';
import type { SettingsStore } from '../settings/settings-store.ts';

export const BACKUPS_FOLDER = 'backups';
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { automatic: true, intervalHours: 24, keep: 7, folder: '' };

const SETTINGS_KEY = 'backups';
const STATUS_KEY = 'backupStatus';

export interface BackupStatus {
  /** The last automatic or manual backup that failed, while no backup has succeeded since. */
  lastFailure: { at: number; message: string } | null;
  /** Set when a start found an interrupted restore; shown until the next restore or successful backup. */
  interruptedRestore: { at: number; outcome: 'rolled-back' | 'completed'; from: string } | null;
}

const statusSchema = z.object({
  lastFailure: z.object({ at: z.number(), message: z.string() }).nullable().default(null),
  interruptedRestore: z
    .object({ at: z.number(), outcome: z.enum(['rolled-back', 'completed']), from: z.string() })
    .nullable()
    .default(null),
});

export class BackupSettingsStore {
  constructor(
    private readonly store: SettingsStore,
    readonly dataDir: string,
  ) {}

  get defaultFolder(): string {
    return path.join(this.dataDir, BACKUPS_FOLDER);
  }

  /** The saved settings, or the defaults where nothing valid is saved (a hand-edited file never stops Roster). */
  get(): BackupSettings {
    const parsed = backupSettingsInput.safeParse(this.store.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_SETTINGS };
  }

  save(settings: BackupSettings): void {
    this.store.set(SETTINGS_KEY, settings);
  }

  /** Where backups go now: the chosen folder, or backups/ in the data folder. */
  folder(settings = this.get()): string {
    return settings.folder || this.defaultFolder;
  }

  status(): BackupStatus {
    const parsed = statusSchema.safeParse(this.store.get(STATUS_KEY) ?? {});
    return parsed.success ? parsed.data : { lastFailure: null, interruptedRestore: null };
  }

  updateStatus(change: Partial<BackupStatus>): void {
    this.store.set(STATUS_KEY, { ...this.status(), ...change });
  }
}
