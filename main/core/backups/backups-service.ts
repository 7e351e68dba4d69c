// Admin Panel → Backups: back up now or on a schedule, list and verify backups, and restore one in place of the
// running database. One backup operation runs at a time; the restore replaces the database through LiveDatabase,
// which holds every other call while the files are swapped.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type {
  BackupEntry,
  BackupKind,
  BackupProgress,
  BackupsView,
  RestorePreview,
  RestoreResult,
} from '../../../common/backups.ts';
import type { ParsedInput } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { HeadRecord } from '../audit/audit-head-file.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { LATEST_VERSION } from '../db/migrations.ts';
import type { Db } from '../db/open-database.ts';
import { AppError } from '../errors.ts';
import type { Clock } from '../services/clock.ts';
import { deleteBackup, describeBackup, freeBackupPath, listBackupFolder, writeCheckRecord, writeUncheckedRecord } from './backup-catalog.ts';
import { judge } from './backup-check.ts';
import { readFileFacts } from './backup-worker.ts';
import { backupsToPrune } from './backup-names.ts';
import { checkReadableFile, checkWritableFolder } from './backup-paths.ts';
import { automaticBackupDue, backupWarnings } from './backup-policy.ts';
import type { BackupSettingsStore } from './backup-settings.ts';
import { PAGES_PER_STEP, writeBackup } from './backup-writer.ts';
import { removeIncoming, readyIncoming, stageAndCheck } from './restore-staging.ts';
import { swapInIncoming, type RecoveryOutcome, type SwapStep } from './restore-swap.ts';

/** The database being served, and the one way to replace it. */
export interface LiveDatabase {
  current(): { db: Db; audit: AuditRepo };
  /**
   * Waits for the calls in flight, holds new ones, runs `lastWrite` on the current database, closes it, runs
   * `swap` on the files, and serves whatever database is then in place (the old one again if `swap` failed).
   */
  replace(steps: { lastWrite: (current: { db: Db; audit: AuditRepo }) => void; swap: () => void }): Promise<void>;
}

/** The system's folder and file pickers (Electron's dialog); absent in browser mode. 'csv': a file to import. */
export interface PathPicker {
  pick(kind: 'folder' | 'file' | 'csv'): Promise<string | null>;
}

export interface BackupsDeps {
  dataDir: string;
  settings: BackupSettingsStore;
  database: LiveDatabase;
  clock: Clock;
  nativeBinding?: string;
  pathPicker?: PathPicker;
  /** Called between the steps of the file swap (tests stop the process there). */
  onSwapStep?: (step: SwapStep) => void;
  pagesPerStep?: number;
}

interface PendingRestore {
  token: string;
  source: string;
}

const OPERATION_WORDS: Record<BackupProgress['operation'], string> = { backup: 'A backup', verify: 'A backup check', restore: 'A restore' };
const formatTime = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class BackupsService {
  private running: BackupProgress | null = null;
  private pending: PendingRestore | null = null;
  private readonly closing = new AbortController();
  private operation: Promise<unknown> | null = null;
  /** The backup being written, which "Back up now" joins instead of being refused. */
  private backupRun: Promise<BackupEntry> | null = null;

  constructor(private readonly deps: BackupsDeps) {}

  private get pages(): number {
    return this.deps.pagesPerStep ?? PAGES_PER_STEP;
  }

  /** One operation at a time; a second one is refused rather than queued (a restore must never wait behind a call it holds). */
  private exclusive<T>(operation: BackupProgress['operation'], work: (progress: (phase: string, fraction: number | null) => void) => Promise<T>): Promise<T> {
    if (this.closing.signal.aborted) return Promise.reject(new AppError('BUSY', 'Roster is closing.'));
    if (this.running) {
      return Promise.reject(new AppError('BUSY', `${OPERATION_WORDS[this.running.operation]} is running (${this.running.phase.toLowerCase()}). Try again when it has finished.`));
    }
    this.running = { operation, phase: 'Starting', fraction: null };
    const run = work((phase, fraction) => (this.running = { operation, phase, fraction })).finally(() => {
      this.running = null;
      this.operation = null;
    });
    this.operation = run;
    return run;
  }

  private hasPeople(): boolean {
    return this.deps.database.current().db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
  }

  /** The backups in the chosen folder and in the default one (where copies saved before a restore go). */
  private listAll(): { backups: BackupEntry[]; folderProblem: string | null } {
    const folder = this.deps.settings.folder();
    let folderProblem: string | null = null;
    const found = new Map<string, BackupEntry>();
    for (const dir of new Set([folder, this.deps.settings.defaultFolder])) {
      try {
        for (const entry of listBackupFolder(dir)) found.set(entry.path, entry);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (dir === folder) folderProblem = code === 'ENOTDIR' ? `${dir} is not a folder.` : code === 'EACCES' || code === 'EPERM' ? `Roster is not allowed to open ${dir}.` : reason(err);
      }
    }
    const backups = [...found.values()].sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
    return { backups, folderProblem };
  }

  view(): BackupsView {
    const settings = this.deps.settings.get();
    const { backups, folderProblem } = this.listAll();
    const warnings = backupWarnings({
      settings,
      backups,
      status: this.deps.settings.status(),
      folderProblem,
      hasPeople: this.hasPeople(),
      now: this.deps.clock.now(),
      formatTime,
    });
    return {
      settings,
      folder: this.deps.settings.folder(settings),
      defaultFolder: this.deps.settings.defaultFolder,
      backups,
      warnings,
      running: this.running,
      canChoosePaths: !!this.deps.pathPicker,
    };
  }

  progress(): BackupProgress | null {
    return this.running;
  }

  backUpNow(ctx: CallContext): Promise<BackupEntry> {
    return this.backUp('manual', signedInUser(ctx).id);
  }

  isAutomaticBackupDue(): boolean {
    const settings = this.deps.settings.get();
    let newestAt: number | null = null;
    try {
      const newest = listBackupFolder(this.deps.settings.folder(settings))[0];
      newestAt = newest ? Date.parse(newest.takenAt) : null;
    } catch {
      /* an unreadable folder: try, so the failure is recorded and shown */
    }
    const status = this.deps.settings.status();
    return automaticBackupDue({ settings, newestAt, lastFailureAt: status.lastFailure?.at ?? null, hasPeople: this.hasPeople(), now: this.deps.clock.now() });
  }

  async runAutomatic(): Promise<void> {
    await this.backUp('auto', null);
  }

  private backUp(kind: BackupKind, actorId: number | null): Promise<BackupEntry> {
    if (this.backupRun) return this.backupRun; // a backup started moments ago is as fresh as a new one
    const run = this.writeOne(kind, actorId);
    this.backupRun = run;
    return run.finally(() => {
      if (this.backupRun === run) this.backupRun = null;
    });
  }

  private writeOne(kind: BackupKind, actorId: number | null): Promise<BackupEntry> {
    return this.exclusive('backup', async (progress) => {
      const { clock, settings: store } = this.deps;
      const settings = store.get();
      const folder = store.folder(settings);
      const { db, audit } = this.deps.database.current();
      const source = db.name;
      try {
        if (settings.folder) checkWritableFolder(folder);
        else createDefaultFolder(folder);
        const { entry, judgement } = await writeBackup({
          source,
          folder,
          kind,
          now: () => clock.now(),
          nativeBinding: this.deps.nativeBinding,
          pagesPerStep: this.pages,
          onProgress: progress,
          signal: this.closing.signal,
        });
        if (!judgement.ok) {
          throw new AppError('BACKUP_DAMAGED', `The copy ${entry.fileName} failed its check, so the database itself may be damaged: ${judgement.message}`);
        }
        db.transaction(() => audit.record(clock.now(), actorId, 'backup_created', null, { file: entry.fileName, kind, people: entry.people })).immediate();
        if (kind === 'auto') for (const old of backupsToPrune(listBackupFolder(folder).map((e) => ({ ...e, takenAt: Date.parse(e.takenAt) })), settings.keep)) deleteBackup(old.path);
        store.updateStatus({ lastFailure: null });
        return entry;
      } catch (err) {
        const error = err instanceof AppError ? err : new AppError('BACKUP_FAILED', `The backup failed: ${reason(err)}`);
        store.updateStatus({ lastFailure: { at: clock.now(), message: error.message } });
        if (db.open) audit.record(clock.now(), actorId, 'backup_failed', null, { kind, reason: error.message.slice(0, 500) });
        throw error;
      }
    });
  }

  saveSettings(input: ParsedInput<'saveBackupSettings'>, ctx: CallContext): BackupsView {
    const actor = signedInUser(ctx);
    const folder = input.folder ? checkWritableFolder(input.folder) : '';
    const settings = { ...input, folder };
    this.deps.settings.save(settings);
    this.deps.database.current().audit.record(this.deps.clock.now(), actor.id, 'backup_settings_saved', null, settings);
    return this.view();
  }

  verify(input: ParsedInput<'verifyBackup'>): Promise<BackupEntry> {
    return this.exclusive('verify', async (progress) => {
      const file = checkReadableFile(input.path);
      if (!describeBackup(file)) {
        throw new AppError('PATH_INVALID', 'Only backups Roster named (roster-…-schemaN-….db) are verified here. To check another file, use Restore from a file.', { field: 'path' });
      }
      progress('Checking the backup (integrity check)', null);
      const facts = await readFileFacts(file, { nativeBinding: this.deps.nativeBinding, signal: this.closing.signal });
      writeCheckRecord(file, facts, judge(facts, LATEST_VERSION), this.deps.clock.now());
      const checked = describeBackup(file);
      if (!checked) throw new AppError('PATH_INVALID', 'The backup was moved or renamed while it was checked.', { field: 'path' });
      return checked;
    });
  }

  /** Copies the chosen backup beside the database and checks the copy: what the admin confirms is what is restored. */
  inspect(input: ParsedInput<'inspectBackup'>): Promise<RestorePreview> {
    return this.exclusive('restore', async (progress) => {
      const source = checkReadableFile(input.path);
      this.pending = null;
      const judgement = await stageAndCheck(source, this.deps.dataDir, {
        nativeBinding: this.deps.nativeBinding,
        pagesPerStep: this.pages,
        onProgress: (f) => progress('Copying the backup', f),
        onChecking: () => progress('Checking the backup (integrity check)', null),
        signal: this.closing.signal,
      });
      const token = randomBytes(18).toString('base64url');
      this.pending = { token, source };
      return {
        token,
        path: source,
        sizeBytes: fs.statSync(source).size,
        schemaVersion: judgement.schemaVersion,
        upgrade: judgement.schemaVersion < LATEST_VERSION,
        people: judgement.people,
        activeAdmins: judgement.activeAdmins,
        newestAudit: judgement.newestAudit && { at: new Date(judgement.newestAudit.at).toISOString(), action: judgement.newestAudit.action },
      };
    });
  }

  cancelRestore(input: ParsedInput<'cancelRestore'>): null {
    if (this.pending?.token === input.token && !this.running) {
      this.pending = null;
      removeIncoming(this.deps.dataDir);
    }
    return null;
  }

  restore(input: ParsedInput<'restoreBackup'>, ctx: CallContext): Promise<RestoreResult> {
    const actor = signedInUser(ctx);
    const pending = this.pending;
    if (!pending || pending.token !== input.token) {
      return Promise.reject(new AppError('CONFLICT', 'That backup check is no longer current. Choose the backup again.'));
    }
    return this.exclusive('restore', async (progress) => {
      const { clock, dataDir } = this.deps;
      this.pending = null;
      const now = clock.now();
      const version = this.deps.database.current().db.pragma('user_version', { simple: true }) as number;
      const savedCurrentAs = freeBackupPath(this.deps.settings.defaultFolder, now, version, 'before-restore');
      let auditHead: HeadRecord;
      try {
        progress('Preparing the restored database', null);
        auditHead = await readyIncoming(dataDir, { nativeBinding: this.deps.nativeBinding, now, from: pending.source, byEmail: actor.email, savedCurrentAs });
      } catch (err) {
        removeIncoming(dataDir);
        throw new AppError('BACKUP_FAILED', `The restore could not prepare the backup, so nothing was changed: ${reason(err)}`);
      }
      progress('Replacing the database', null);
      let peopleReplaced = 0;
      try {
        await this.deps.database.replace({
          lastWrite: ({ db, audit }) => {
            audit.record(now, actor.id, 'restore_started', null, { from: pending.source, savedCurrentAs });
            peopleReplaced = db.prepare('SELECT SUM(people) FROM user_tab_counts').pluck().get() as number; // kept by triggers: O(1)
          },
          swap: () => swapInIncoming(dataDir, { savedCurrentAs, from: pending.source, startedAt: now, auditHead }, this.deps.onSwapStep),
        });
      } catch (err) {
        this.deps.database.current().audit.record(clock.now(), actor.id, 'restore_failed', null, { from: pending.source, reason: reason(err).slice(0, 500) });
        throw new AppError('BACKUP_FAILED', `The restore failed and Roster kept the current database: ${reason(err)}`);
      }
      this.deps.settings.updateStatus({ interruptedRestore: null });
      writeUncheckedRecord(savedCurrentAs, peopleReplaced, clock.now()); // the list shows its people; Verify checks it
      ctx.slot.set(undefined); // every session ended with the old database; this one too
      return { restoredFrom: pending.source, savedCurrentAs };
    });
  }

  /** Records what the start found of an interrupted restore, in the database now open and on the Backups page. */
  recordRecovery(outcome: RecoveryOutcome): void {
    if (outcome.kind === 'none') return;
    const now = this.deps.clock.now();
    this.deps.settings.updateStatus({ interruptedRestore: { at: outcome.startedAt, outcome: outcome.kind, from: outcome.from } });
    this.deps.database.current().audit.record(now, null, outcome.kind === 'completed' ? 'restore_finished_at_start' : 'restore_rolled_back_at_start', null, { from: outcome.from });
  }

  async choosePath(input: ParsedInput<'choosePath'>): Promise<{ path: string | null }> {
    if (!this.deps.pathPicker) throw new AppError('NOT_SUPPORTED', 'Choosing with a dialog needs the desktop app. Type the path instead.');
    return { path: await this.deps.pathPicker.pick(input.kind) };
  }

  /** Stops a running backup or check (Roster is closing) and waits for it to wind down. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.operation?.catch(() => {});
    if (this.pending) removeIncoming(this.deps.dataDir);
  }
}

function createDefaultFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : reason(err);
    throw new AppError('PATH_INVALID', `Roster cannot create the backup folder ${folder}: ${why}.`, { field: 'folder' });
  }
  // mkdir of an existing path succeeds; make sure it is a folder.
  if (!fs.statSync(folder).isDirectory()) throw new AppError('PATH_INVALID', `Roster cannot create the backup folder ${folder}: a file is in the way.`, { field: 'folder' });
}
