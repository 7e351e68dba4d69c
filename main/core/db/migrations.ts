// Schema migrations, applied in order on PRAGMA user_version. Append only: never edit a shipped migration.
// Times are integer milliseconds since the epoch (UTC) so they sort and compare cheaply.
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'users, sessions, one-time codes, sign-in failures, audit log',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT NOT NULL COLLATE NOCASE UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('user', 'admin')),
        is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
        password_hash TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_login_at INTEGER,
        deactivated_at INTEGER
      );
      -- One index per sort of the People list, led by the tab, so each page is an index range (keyset paging).
      CREATE INDEX users_by_name ON users(is_active, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
      CREATE INDEX users_by_email ON users(is_active, email);
      CREATE INDEX users_by_role ON users(is_active, role, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
      CREATE INDEX users_by_last_login ON users(is_active, IFNULL(last_login_at, 0));
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE one_time_codes (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
        code_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        failed_attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX one_time_codes_user ON one_time_codes(user_id, purpose);
      CREATE TABLE login_failures (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL COLLATE NOCASE,
        at INTEGER NOT NULL
      );
      CREATE INDEX login_failures_email_at ON login_failures(email, at);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        target_id INTEGER REFERENCES users(id),
        details TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_target ON audit_log(target_id, at);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
