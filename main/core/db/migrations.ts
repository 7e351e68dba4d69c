// Schema migrations, applied in order on PRAGMA user_version. Append only: never edit a shipped migration.
// Times are integer milliseconds since the epoch (UTC) so they sort and compare cheaply.
import { chainExistingEntries } from '../audit/chain-upgrade.ts';
import type { Db } from './open-database.ts';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Work SQL alone cannot do (hashing), run after `sql` in the same transaction. */
  run?: (db: Db) => void;
}

/** Recomputes what triggers keep (tab counts, search index) from users: in migration 2 and after a bulk load. */
export const REBUILD_DERIVED_SQL = `
  INSERT INTO users_fts (users_fts) VALUES ('rebuild');
  UPDATE user_tab_counts SET people = (SELECT COUNT(*) FROM users WHERE users.is_active = user_tab_counts.is_active);
`;

/** The latest expiry of person `$user`'s invite codes that still work but for time (unused, not locked), or NULL. */
const LIVE_INVITE_EXPIRY = `SELECT MAX(expires_at) FROM one_time_codes
  WHERE user_id = $user AND purpose = 'invite' AND used_at IS NULL AND locked_at IS NULL`;

/** Keep users.invite_expires_at (migration 7) equal to LIVE_INVITE_EXPIRY through every write to one_time_codes. */
const INVITE_EXPIRY_TRIGGERS = `
  CREATE TRIGGER invite_expiry_insert AFTER INSERT ON one_time_codes WHEN new.purpose = 'invite' BEGIN
    UPDATE users SET invite_expires_at = (${LIVE_INVITE_EXPIRY.replaceAll('$user', 'new.user_id')}) WHERE id = new.user_id;
  END;
  CREATE TRIGGER invite_expiry_update AFTER UPDATE OF user_id, purpose, expires_at, used_at, locked_at ON one_time_codes
    WHEN old.purpose = 'invite' OR new.purpose = 'invite' BEGIN
    UPDATE users SET invite_expires_at = (${LIVE_INVITE_EXPIRY.replaceAll('$user', 'users.id')}) WHERE id IN (old.user_id, new.user_id);
  END;
  CREATE TRIGGER invite_expiry_delete AFTER DELETE ON one_time_codes WHEN old.purpose = 'invite' BEGIN
    UPDATE users SET invite_expires_at = (${LIVE_INVITE_EXPIRY.replaceAll('$user', 'old.user_id')}) WHERE id = old.user_id;
  END;
`;

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
        deactivated_at INTEGER,
        -- The last-login sort key as a column ("never" first), so keyset ranges on it can use its index.
        last_login_sort INTEGER GENERATED ALWAYS AS (IFNULL(last_login_at, 0)) VIRTUAL
      );
      -- One index per sort of the People list, led by the tab, so each page is an index range (keyset paging).
      -- id is the tie-break of every sort, so it is an index column before the extras; the names and email follow
      -- so a search can test LIKE on the index entry itself and skip the table row for every non-match.
      CREATE INDEX users_by_name ON users(is_active, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, email);
      CREATE INDEX users_by_email ON users(is_active, email, id, first_name, last_name);
      CREATE INDEX users_by_role ON users(is_active, role, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, email);
      CREATE INDEX users_by_last_login ON users(is_active, last_login_sort, id, first_name, last_name, email);
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
  {
    version: 2,
    description: 'per-tab people counts and a trigram search index, both kept by triggers',
    sql: `
      -- COUNT(*) over a million rows costs tens of milliseconds; these two rows are kept exact on every write.
      CREATE TABLE user_tab_counts (
        is_active INTEGER PRIMARY KEY CHECK (is_active IN (0, 1)),
        people INTEGER NOT NULL
      );
      INSERT INTO user_tab_counts (is_active, people) VALUES (0, 0), (1, 0);
      CREATE TRIGGER users_count_insert AFTER INSERT ON users BEGIN
        UPDATE user_tab_counts SET people = people + 1 WHERE is_active = new.is_active;
      END;
      CREATE TRIGGER users_count_delete AFTER DELETE ON users BEGIN
        UPDATE user_tab_counts SET people = people - 1 WHERE is_active = old.is_active;
      END;
      CREATE TRIGGER users_count_update AFTER UPDATE OF is_active ON users WHEN old.is_active <> new.is_active BEGIN
        UPDATE user_tab_counts SET people = people - 1 WHERE is_active = old.is_active;
        UPDATE user_tab_counts SET people = people + 1 WHERE is_active = new.is_active;
      END;
      -- Substring search: trigrams of first name, last name and email. External content (the text stays only in
      -- users); detail=none keeps it small, so a match is a superset that the query re-checks with LIKE.
      CREATE VIRTUAL TABLE users_fts USING fts5(
        first_name, last_name, email, content='users', content_rowid='id', tokenize='trigram', detail=none
      );
      CREATE TRIGGER users_fts_insert AFTER INSERT ON users BEGIN
        INSERT INTO users_fts (rowid, first_name, last_name, email) VALUES (new.id, new.first_name, new.last_name, new.email);
      END;
      CREATE TRIGGER users_fts_delete AFTER DELETE ON users BEGIN
        INSERT INTO users_fts (users_fts, rowid, first_name, last_name, email)
        VALUES ('delete', old.id, old.first_name, old.last_name, old.email);
      END;
      CREATE TRIGGER users_fts_update AFTER UPDATE OF first_name, last_name, email ON users BEGIN
        INSERT INTO users_fts (users_fts, rowid, first_name, last_name, email)
        VALUES ('delete', old.id, old.first_name, old.last_name, old.email);
        INSERT INTO users_fts (rowid, first_name, last_name, email) VALUES (new.id, new.first_name, new.last_name, new.email);
      END;
      ${REBUILD_DERIVED_SQL}
    `,
  },
  {
    version: 3,
    description: 'temporary passwords expire; one-time codes record when wrong guesses locked them; expiry indexes for pruning',
    sql: `
      -- Set while the person holds a temporary password (must_change_password = 1); past it, that password no
      -- longer signs in. Temporary passwords handed out before this version get 7 days from the upgrade.
      ALTER TABLE users ADD COLUMN temporary_password_expires_at INTEGER;
      UPDATE users SET temporary_password_expires_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + ${7 * 24 * 60 * 60 * 1000}
        WHERE must_change_password = 1 AND password_hash IS NOT NULL;
      ALTER TABLE one_time_codes ADD COLUMN locked_at INTEGER;
      CREATE INDEX sessions_expires ON sessions(expires_at);
      CREATE INDEX one_time_codes_expires ON one_time_codes(expires_at);
    `,
  },
  {
    version: 4,
    description: 'the audit log becomes a hash chain, with indexes for the Activity page',
    sql: `
      -- SHA-256 over the previous entry's hash and this entry (main/core/audit/audit-chain.ts); set for every entry
      -- below, in this same transaction, and by the recorder for every new one.
      ALTER TABLE audit_log ADD COLUMN hash BLOB;
      -- How many times noise recorded once per window happened (throttled attempts). Kept out of details, which
      -- the hash covers, because it grows after the entry is written.
      ALTER TABLE audit_log ADD COLUMN repeats INTEGER;
      UPDATE audit_log SET repeats = json_extract(details, '$.count'), details = json_remove(details, '$.count')
        WHERE action IN ('sign_in_locked', 'password_change_locked', 'code_redeem_locked', 'reset_requested')
          AND json_valid(details) AND json_type(details, '$.count') = 'integer';
      -- Activity lists newest first (at, then id) and filters by kind (action), by person (acting or concerned)
      -- and by time: each filter is an index range in that order. The concerned-person index leaves out entries
      -- where the person acted on themself: those are found through the acting one, so the two never overlap.
      DROP INDEX audit_log_target;
      CREATE INDEX audit_by_time ON audit_log(at);
      CREATE INDEX audit_by_action ON audit_log(action, at);
      CREATE INDEX audit_by_actor ON audit_log(actor_id, action, at);
      CREATE INDEX audit_by_target ON audit_log(target_id, action, at) WHERE actor_id IS NOT target_id;
    `,
    run: chainExistingEntries,
  },
  {
    // Issue 12 (bulk actions).
    version: 5,
    description: 'bulk actions remember whom they changed, for Undo',
    sql: `
      -- One row per bulk action Undo may revert: who did it, what, when it finished and whether it was undone.
      CREATE TABLE bulk_actions (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        at INTEGER NOT NULL,
        undone_at INTEGER
      );
      -- The people it changed. What they were before follows from the action (deactivate: they were active; Make
      -- User: they were an admin), and at = users.updated_at tells whether anyone changed them since.
      CREATE TABLE bulk_action_people (
        bulk_id INTEGER NOT NULL REFERENCES bulk_actions(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (bulk_id, user_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Issue 12 (hygiene: filters, lockouts, own sessions). Built beside bulk's 5 from the same base; landed after it.
    version: 6,
    description: "People filters and lockouts: when the throttle lifts, how long someone has been idle, sessions' last call",
    sql: `
      -- Kept by the sign-in throttle (main/core/auth/login-throttle.ts): when it stops holding back this person's
      -- address. Past or null: not locked. On the row so the Locked chip and filter cost no query per person.
      ALTER TABLE users ADD COLUMN locked_until INTEGER;
      -- Idle since: the last sign-in, or for someone who never signed in, the account's creation (someone invited
      -- yesterday has not been idle for 90 days). The "No sign-in for N days" filter and policy read it.
      ALTER TABLE users ADD COLUMN idle_since INTEGER GENERATED ALWAYS AS (IFNULL(last_login_at, created_at)) VIRTUAL;
      -- Each filter's own way to its people (main/core/db/people-where.ts). The idle filter is a range; the filters
      -- that usually hold few people have partial indexes carrying every sort column, so their people are sorted
      -- from the index alone and only the page's rows are read from the table. They carry last_login_at, not the
      -- generated last_login_sort: SQLite reads a virtual column's value from the table even when it is indexed.
      CREATE INDEX users_by_idle_since ON users(is_active, idle_since);
      CREATE INDEX users_locked ON users(locked_until, is_active, last_name, first_name, email, role, last_login_at, id)
        WHERE locked_until IS NOT NULL;
      CREATE INDEX users_temporary ON users(is_active, last_name, first_name, email, role, last_login_at, id)
        WHERE must_change_password = 1;
      -- password_hash (always NULL here) is carried only so the query's own "password_hash IS NULL" is answered from
      -- the index: SQLite drops a partial index's condition from the table reads for "= value" terms, not for IS NULL.
      CREATE INDEX users_invited ON users(is_active, last_name, first_name, email, role, last_login_at, id, password_hash)
        WHERE password_hash IS NULL;
      CREATE INDEX users_admins ON users(is_active, last_name, first_name, email, role, last_login_at, id)
        WHERE role = 'admin';
      CREATE INDEX one_time_codes_live_invites ON one_time_codes(expires_at, user_id)
        WHERE purpose = 'invite' AND used_at IS NULL AND locked_at IS NULL;
      -- When the session last called Roster, for the Account page's list of one's own sessions (to the minute).
      ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
    `,
  },
  {
    // Issue 12: the invite filters read a column of the row rather than building the set of live invites per page.
    version: 7,
    description: "each person's live invite on their row, so the invite filters are answered from one small index",
    sql: `
      -- When this person's invite stops working: the latest expiry of their invite codes not used and not locked by
      -- wrong guesses, or null when they have none. "Invite pending" is invite_expires_at > now. Kept by the triggers
      -- below on every change to one_time_codes, so no code path has to remember it.
      ALTER TABLE users ADD COLUMN invite_expires_at INTEGER;
      ${INVITE_EXPIRY_TRIGGERS}
      UPDATE users SET invite_expires_at = (${LIVE_INVITE_EXPIRY.replaceAll('$user', 'users.id')})
        WHERE id IN (SELECT user_id FROM one_time_codes WHERE purpose = 'invite');
      -- The invited people's index carries the column, so both invite filters read no table row until the page.
      DROP INDEX users_invited;
      CREATE INDEX users_invited ON users(is_active, last_name, first_name, email, role, last_login_at, id, password_hash, invite_expires_at)
        WHERE password_hash IS NULL;
      DROP INDEX one_time_codes_live_invites;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
