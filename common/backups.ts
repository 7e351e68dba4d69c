// What the Backups page and main say to each other: the shapes of a listed backup, the page's view, a restore
// preview, and the input rules. The contract table (contract.ts) names the methods; this file holds their types.
import { z } from 'zod';

export type BackupKind = 'auto' | 'manual' | 'before-restore';

/** The result of the integrity check of the copy (backup-worker.ts), or why it could not run. */
export type IntegrityVerdict = 'ok' | 'damaged' | 'unchecked';

export interface BackupEntry {
  /** Full path of the backup file (what inspectBackup and verifyBackup take). */
  path: string;
  fileName: string;
  kind: BackupKind;
  /** When the copy was taken (ISO). */
  takenAt: string;
  schemaVersion: number;
  sizeBytes: number;
  /** From the check made when it was written or last verified; null until checked. */
  people: number | null;
  integrity: IntegrityVerdict;
  /** What the check found, when it was not ok. */
  integrityDetail: string | null;
  checkedAt: string | null;
}

export interface BackupSettings {
  automatic: boolean;
  intervalHours: number;
  keep: number;
  /** The folder backups go to; '' means `backups/` in the data folder. */
  folder: string;
}

export interface BackupWarning {
  severity: 'warning' | 'error' | 'info';
  message: string;
}

export interface BackupProgress {
  operation: 'backup' | 'verify' | 'restore';
  /** What is happening, in words ("Copying the database", "Checking the copy"). */
  phase: string;
  /** 0–1 when known. */
  fraction: number | null;
}

export interface BackupsView {
  settings: BackupSettings;
  /** The folder in use: the chosen one or the default. */
  folder: string;
  defaultFolder: string;
  backups: BackupEntry[];
  warnings: BackupWarning[];
  running: BackupProgress | null;
  /** True under Electron, where main can show the system's folder and file pickers. */
  canChoosePaths: boolean;
}

export interface RestorePreview {
  /** Hands the checked copy to restoreBackup; valid until restored, cancelled or replaced by another check. */
  token: string;
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  /** The backup's schema is older: Roster upgrades it as part of the restore. */
  upgrade: boolean;
  people: number;
  activeAdmins: number;
  newestAudit: { at: string; action: string } | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced was saved. */
  savedCurrentAs: string;
}

export const CONFIRM_WORD = 'RESTORE';

/** A path typed or picked by the admin: checked for what it is in main (exists, folder or file, writable). */
const pathField = (label: string) =>
  z
    .string()
    .trim()
    .max(4096, `${label} is too long.`)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
    .refine((v) => !/[\u0000-\u001f]/.test(v), `${label} cannot contain control characters.`);

export const backupSettingsInput = z
  .object({
    automatic: z.boolean(),
    intervalHours: z.number().int('Whole hours only.').min(1, 'At least every hour.').max(24 * 30, 'At most every 30 days (720 hours).'),
    keep: z.number().int('A whole number.').min(1, 'Keep at least 1.').max(365, 'At most 365.'),
    folder: pathField('Folder'),
  })
  .strict();

export const backupPathInput = z.object({ path: pathField('Path').pipe(z.string().min(1, 'Enter the path of a backup file.')) }).strict();

export const restoreInput = z
  .object({
    token: z.string().min(1).max(200),
    confirm: z.string().refine((v) => v === CONFIRM_WORD, `Type ${CONFIRM_WORD} to confirm.`),
  })
  .strict();

export const choosePathInput = z.object({ kind: z.enum(['folder', 'file']) }).strict();
