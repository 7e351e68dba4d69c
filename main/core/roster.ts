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
import { EmailFeatures } from './services/email-features.ts';
import { PeopleService } from './services/people-service.ts';

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
}

export interface Roster {
  dispatch: Dispatch;
  db: Db;
  dataDir: string;
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
  const revokeCodes = (userId: number) => {
    db.prepare('UPDATE one_time_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(clock.now(), userId);
  };
  const people = new PeopleService({ db, users, sessions, audit, hasher, clock, revokeCodes });
  const email = new EmailFeatures(people);
  const auth = new AuthService({
    db,
    users,
    sessions,
    audit,
    hasher,
    clock,
    throttle: new LoginThrottle(db),
    emailConfigured: () => email.isConfigured(),
  });
  auth.warmUp();
  const dispatch = createDispatcher({
    handlers: createHandlers({ auth, people, email }),
    sessions,
    users,
    clock,
    logError: options.logError ?? ((method, err) => console.error(`Roster: ${method} failed:`, err)),
  });
  return {
    dispatch,
    db,
    dataDir: options.dataDir,
    async close() {
      await hasher.close();
      closeDatabase(db);
    },
  };
}
