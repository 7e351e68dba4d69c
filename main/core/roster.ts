// Builds a running Roster core from a data folder: database, services, dispatcher. Electron and browser mode
// both start here; nothing in main/core imports electron.
import path from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatcher.ts';
import { createHandlers } from './api/handlers.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { DEFAULT_BCRYPT_COST, WorkerPasswordHasher, type PasswordHasher } from './auth/password-hasher.ts';
import { Sessions } from './auth/sessions.ts';
import { DATABASE_FILE, prepareDataDir } from './data-dir.ts';
import { AuditRepo } from './db/audit-repo.ts';
import { closeDatabase, openDatabase, type Db } from './db/open-database.ts';
import { UsersRepo } from './db/users-repo.ts';
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
}

export interface Roster {
  dispatch: Dispatch;
  db: Db;
  close(): Promise<void>;
}

export async function createRoster(options: RosterOptions): Promise<Roster> {
  prepareDataDir(options.dataDir);
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
    now: () => clock.now(),
  });
  const hasher = options.hasher ?? new WorkerPasswordHasher(options.bcryptCost ?? DEFAULT_BCRYPT_COST);
  const users = new UsersRepo(db);
  const sessions = new Sessions(db);
  const audit = new AuditRepo(db);
  const logError = options.logError ?? ((method, err) => console.error(`Roster: ${method} failed:`, err));
  // The codes' HMAC key lives beside the database, not in it: a copy of roster.db (or a backup) alone cannot be
  // used to guess codes offline. Read on first use, so a folder that never issues a code never gets a key file.
  let codeKey: Buffer | null = null;
  const codes = new OneTimeCodes(db, () => (codeKey ??= loadOrCreateKey(path.join(options.dataDir, CODE_KEY_FILE))));
  const revokeCodes = (userId: number) => codes.revokeAll(userId, clock.now());
  const guesses = new LoginThrottle(db);
  sessions.prune(clock.now());
  codes.prune(clock.now());
  const people = new PeopleService({ db, users, sessions, audit, clock, revokeCodes });
  const mailer = new Mailer(options.smtpTimeoutMs);
  const smtpSettings = new SmtpSettingsStore(
    options.settingsStore ?? confSettingsStore(options.dataDir),
    options.secretBox ?? new KeyFileSecretBox(options.dataDir),
  );
  const emailSettings = new EmailSettingsService({ settings: smtpSettings, mailer, audit, clock });
  const delivery = new CredentialDelivery({ users, sessions, codes, audit, hasher, clock, mailer, smtpSettings });
  const invites = new InvitesService({ users, codes, audit, clock });
  const throttle = new ResetRequestThrottle();
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
  const dispatch = createDispatcher({
    handlers: createHandlers({ auth, people, delivery, invites, recovery, emailSettings }),
    db,
    sessions,
    users,
    clock,
    logError,
  });
  return {
    dispatch,
    db,
    async close() {
      await mailer.drain(); // background sends record their outcome in the database
      await hasher.close();
      closeDatabase(db);
    },
  };
}
