// Builds a running Roster core from a data folder: database, services, dispatcher. Electron and browser mode
// both start here; nothing in main/core imports electron.
import path from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatcher.ts';
import { createHandlers } from './api/handlers.ts';
import { BackupSchedule } from './backups/backup-schedule.ts';
import { BackupSettingsStore } from './backups/backup-settings.ts';
import { BackupsService, type PathPicker } from './backups/backups-service.ts';
import { finishInterruptedRestore, type SwapStep } from './backups/restore-swap.ts';
import { ActivityService } from './audit/activity-service.ts';
import { AuditHeadKeeper } from './audit/audit-head-keeper.ts';
import { CoreHost } from './core-host.ts';
import type { FileDelivery } from './exports/file-delivery.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { DEFAULT_BCRYPT_COST, WorkerPasswordHasher, type PasswordHasher } from './auth/password-hasher.ts';
import { Sessions } from './auth/sessions.ts';
import { DATABASE_FILE, prepareDataDir } from './data-dir.ts';
import { AuditRepo } from './db/audit-repo.ts';
import { closeDatabase, openDatabase, openReader, type Db } from './db/open-database.ts';
import { UsersRepo } from './db/users-repo.ts';
import { AccessService } from './services/access-service.ts';
import { AuthService } from './services/auth-service.ts';
import { systemClock, type Clock } from './services/clock.ts';
import { Mailer } from './email/mailer.ts';
import { CODE_KEY_FILE, OneTimeCodes } from './email/one-time-codes.ts';
import { ResetRequestThrottle } from './email/reset-request-throttle.ts';
import { SmtpSettingsStore } from './email/smtp-settings.ts';
import { CredentialDelivery } from './services/credential-delivery.ts';
import { EmailSettingsService } from './services/email-settings-service.ts';
import { InvitesService } from './services/invites-service.ts';
import { PeopleService } from './services/people-service.ts';
import { PeopleExport } from './people-csv/people-export.ts';
import { ImportFiles } from './people-csv/import-files.ts';
import { PeopleImport } from './people-csv/people-import.ts';
import { BulkRunner } from './bulk/bulk-runner.ts';
import { BulkService } from './bulk/bulk-service.ts';
import { IdlePolicySchedule } from './policy/idle-policy-schedule.ts';
import { IdlePolicyService } from './policy/idle-policy-service.ts';
import { IdlePolicySettingsStore } from './policy/idle-policy-settings.ts';
import { ResendInvites } from './bulk/resend-invites.ts';
import { RecoveryService } from './services/recovery-service.ts';
import { KeyFileSecretBox, loadOrCreateKey } from './settings/key-file-secret-box.ts';
import type { SecretBox } from './settings/secret-box.ts';
import { confSettingsStore, type SettingsStore } from './settings/settings-store.ts';

export interface RosterOptions {
  dataDir: string;
  clock?: Clock;
  /** bcrypt cost; 12 in the app, lower only in tests that are not about hashing. */
  bcryptCost?: number;
  /** Replaces the worker-thread bcrypt hasher (tests that observe hashing). */
  hasher?: PasswordHasher;
  /** better-sqlite3 binding for Electron's ABI, when running under Electron. */
  nativeBinding?: string;
  logError?: (method: string, err: unknown) => void;
  /** Encrypts the SMTP password. Electron passes a safeStorage box; default: a key file in the data folder. */
  secretBox?: SecretBox;
  /** Where SMTP settings live. Electron passes electron-store; default: `conf` on config.json in the data folder. */
  settingsStore?: SettingsStore;
  /** How long an SMTP connection, greeting or reply may take (tests shorten it). */
  smtpTimeoutMs?: number;
  /** Run automatic backups (the app does; tests and the bench start them only when they are the subject). */
  scheduleBackups?: boolean;
  /** The system's folder and file pickers (Electron's dialog); browser mode types paths instead. */
  pathPicker?: PathPicker;
  /** Called between the steps of a restore's file swap (tests stop the process there). */
  onSwapStep?: (step: SwapStep) => void;
  /** Where exports (Activity and People CSV, import reports) go: Electron's save dialog, or browser mode's one-time downloads. */
  fileDelivery?: FileDelivery;
  /** CSV files waiting to be imported (browser mode shares it with its upload endpoint); default: its own. */
  importFiles?: ImportFiles;
}

export interface Roster {
  dispatch: Dispatch;
  /** The database being served (a restore replaces it). */
  readonly db: Db;
  /** Present when automatic backups run. */
  backupSchedule: BackupSchedule | null;
  /** Checks whether the idle policy (off by default) is due; always present, stopped by close(). */
  policySchedule: IdlePolicySchedule;
  close(): Promise<void>;
}

/** Everything built over one open database; a restore builds it again over the restored one. */
interface Core {
  dispatch: Dispatch;
  db: Db;
  audit: AuditRepo;
  policy: IdlePolicyService;
  close(): Promise<void>;
}

export async function createRoster(options: RosterOptions): Promise<Roster> {
  const { dataDir } = options;
  prepareDataDir(dataDir);
  const clock = options.clock ?? systemClock;
  // A restore a crash interrupted is finished or rolled back before the database opens.
  const recovered = finishInterruptedRestore(dataDir);
  const hasher = options.hasher ?? new WorkerPasswordHasher(options.bcryptCost ?? DEFAULT_BCRYPT_COST);
  const logError = options.logError ?? ((method, err) => console.error(`Roster: ${method} failed:`, err));
  // The codes' HMAC key lives beside the database, not in it: a copy of roster.db (or a backup) alone cannot be
  // used to guess codes offline. Read on first use, so a folder that never issues a code never gets a key file.
  let codeKey: Buffer | null = null;
  const codeKeyOnce = () => (codeKey ??= loadOrCreateKey(path.join(dataDir, CODE_KEY_FILE)));
  const mailer = new Mailer(options.smtpTimeoutMs);
  const settingsStore = options.settingsStore ?? confSettingsStore(dataDir);
  const smtpSettings = new SmtpSettingsStore(settingsStore, options.secretBox ?? new KeyFileSecretBox(dataDir));
  const throttle = new ResetRequestThrottle();
  const policySettings = new IdlePolicySettingsStore(settingsStore);
  const importFiles = options.importFiles ?? new ImportFiles(dataDir, () => clock.now());
  importFiles.clear(); // uploads a previous run left behind

  // `host` is set below, once the first database is open; nothing calls these before then.
  const live = () => host.current;
  const backups = new BackupsService({
    dataDir,
    settings: new BackupSettingsStore(settingsStore, dataDir),
    clock,
    nativeBinding: options.nativeBinding,
    pathPicker: options.pathPicker,
    onSwapStep: options.onSwapStep,
    database: {
      current: live,
      replace: ({ lastWrite, swap }) => replaceDatabase(lastWrite, swap),
    },
  });

  async function openCore(): Promise<Core> {
    const db = await openDatabase(path.join(dataDir, DATABASE_FILE), {
      nativeBinding: options.nativeBinding,
      now: () => clock.now(),
    });
    const users = new UsersRepo(db);
    const sessions = new Sessions(db);
    const head = new AuditHeadKeeper(dataDir, db, () => clock.now(), logError);
    const audit = new AuditRepo(db, { onAppend: () => head.onAppend() });
    head.start(audit);
    const codes = new OneTimeCodes(db, codeKeyOnce);
    const revokeCodes = (userId: number) => codes.revokeAll(userId, clock.now());
    const guesses = new LoginThrottle(db);
    sessions.prune(clock.now());
    codes.prune(clock.now());
    const people = new PeopleService({ db, users, sessions, audit, clock, revokeCodes, throttle: guesses });
    const emailSettings = new EmailSettingsService({ settings: smtpSettings, mailer, audit, clock });
    const delivery = new CredentialDelivery({ users, sessions, codes, audit, hasher, clock, mailer, smtpSettings, throttle: guesses });
    const access = new AccessService({ users, sessions, throttle: guesses, audit, clock });
    const invites = new InvitesService({ users, codes, audit, clock });
    const recovery = new RecoveryService({ db, users, sessions, codes, audit, hasher, clock, mailer, smtpSettings, logError, throttle, guesses });
    const auth = new AuthService({
      users,
      sessions,
      audit,
      hasher,
      clock,
      throttle: guesses,
      emailConfigured: () => emailSettings.isConfigured(),
    });
    auth.warmUp();
    // A bulk action's worker writes on its own connection, as an import's does; each refuses to start while the
    // other holds the database, and main's own writes are refused (BUSY) while either does.
    const bulkRunner = new BulkRunner({ dbFile: path.join(dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding });
    const peopleImport = new PeopleImport({
      dbFile: path.join(dataDir, DATABASE_FILE),
      nativeBinding: options.nativeBinding,
      files: importFiles,
      codeKey: codeKeyOnce,
      credentials: delivery,
      onAudited: () => head.onAppend(),
      otherWritesHeld: () => bulkRunner.writesHeld(),
      delivery: options.fileDelivery,
      pathPicker: options.pathPicker,
      logError,
      users,
      codes,
      audit,
      clock,
      mailer,
      smtpSettings,
    });
    const resends = new ResendInvites({ users, codes, audit, clock, mailer, smtpSettings, delivery: options.fileDelivery });
    const bulk = new BulkService({ db, runner: bulkRunner, clock, otherWritesHeld: () => peopleImport.writesHeld(), onAudited: () => head.onAppend(), smtpSettings, codeKey: codeKeyOnce, resends });
    const policy = new IdlePolicyService({ db, audit, runner: bulkRunner, clock, settings: policySettings, otherWritesHeld: () => peopleImport.writesHeld(), onAudited: () => head.onAppend() });
    const dispatch = createDispatcher({
      handlers: createHandlers({ auth, people, delivery, invites, recovery, emailSettings, backups, activity: new ActivityService({ db, dataDir, clock, delivery: options.fileDelivery, nativeBinding: options.nativeBinding }),
        peopleExport: new PeopleExport({ db, openReader: () => openReader(path.join(dataDir, DATABASE_FILE), options.nativeBinding), audit, clock, delivery: options.fileDelivery, nativeBinding: options.nativeBinding }),
        peopleImport,
        bulk,
        policy,
        access,
      }),
      writesHeld: () => peopleImport.writesHeld() ?? bulkRunner.writesHeld(),
      db,
      sessions,
      users,
      clock,
      logError,
    });
    return {
      dispatch,
      db,
      audit,
      policy,
      close: async () => {
        await peopleImport.closeAll(); // a write under way is stopped: its one transaction rolls back
        await bulkRunner.close(); // likewise
        await resends.closeAll(); // invites not yet sent stay unsent; codes not yet downloaded are wiped
        await head.close(); // the head record's last write goes to this database's log
        closeDatabase(db);
      },
    };
  }

  /** A restore: the last write and close of the current database, the file swap, then the database in place served. */
  async function replaceDatabase(lastWrite: (current: Core) => void, swap: () => void): Promise<void> {
    const failures: unknown[] = [];
    await host.replace(async (current) => {
      lastWrite(current);
      await mailer.drain(); // background sends record their outcome in the database being closed
      await current.close();
      try {
        swap();
      } catch (err) {
        // Put the files back as the rule says (the restore counts only if the new file is in place).
        if (finishInterruptedRestore(dataDir).kind !== 'completed') failures.push(err);
      }
      return openCore();
    });
    if (failures.length) throw failures[0];
  }

  const host = new CoreHost(await openCore());
  backups.recordRecovery(recovered);
  let schedule: BackupSchedule | null = null;
  if (options.scheduleBackups) {
    schedule = new BackupSchedule({ isDue: () => backups.isAutomaticBackupDue(), run: () => backups.runAutomatic(), logError });
    schedule.start();
  }
  // At start (once the database is open, on the bulk worker, so startup is not held up) and then whenever due; as a
  // call in flight, so a restore waits for a run under way and no run starts while it swaps the database.
  const policySchedule = new IdlePolicySchedule({ isDue: () => host.current.policy.isDue(), run: () => host.use((core) => core.policy.runScheduled()), logError });
  policySchedule.start();
  const stable = host;
  return {
    dispatch: stable.dispatch,
    get db() {
      return stable.current.db;
    },
    backupSchedule: schedule,
    policySchedule,
    async close() {
      schedule?.stop();
      policySchedule.stop();
      await backups.close();
      await mailer.drain(); // background sends record their outcome in the database
      await hasher.close();
      await stable.current.close();
    },
  };
}
