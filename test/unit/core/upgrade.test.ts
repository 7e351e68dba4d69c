// Upgrading a real database of the first released schema: a v1 file full of people, sessions, codes and audit rows
// is opened by today's Roster, whatever migrations have been appended since. Nothing of v1 may change or be lost.
import fs from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../main/core/auth/secrets.ts';
import { DATABASE_FILE } from '../../../main/core/data-dir.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../main/core/db/migrations.ts';
import { openDatabase } from '../../../main/core/db/open-database.ts';
import { GOOD_PASSWORD, startTestRoster, tempDir } from '../harness.ts';
import { NEW_PASSWORD } from '../people/helpers.ts';

const SCHEMA_V1 = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'schema-v1.sql'), 'utf8');

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 11, 1); // a month before the test clock's "now" (2026-01-01)
const IVY_CODE = 'ABCDE-12345';

/** Ids with gaps, so "same ids" means something. */
const ID = { ada: 1, bob: 2, dee: 4, ivy: 7, zoe: 9 };

/** Writes, with the v1 SQL and plain inserts as v1 Roster made them, a data folder holding a v1 database. */
function v1DataDir(): string {
  const dir = tempDir('roster-v1-');
  const db = new Database(path.join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA_V1);
  db.pragma('user_version = 1');
  const hash = (password: string) => bcrypt.hashSync(password, 4);
  const user = db.prepare(
    `INSERT INTO users (id, first_name, last_name, email, role, is_active, password_hash, must_change_password, created_at, updated_at, last_login_at, deactivated_at)
     VALUES (@id, @first, @last, @email, @role, @active, @hash, @mustChange, @created, @updated, @lastLogin, @deactivated)`,
  );
  const base = { active: 1, mustChange: 0, lastLogin: null, deactivated: null };
  db.transaction(() => {
    user.run({ ...base, id: ID.ada, first: 'Ada', last: 'Lovelace', email: 'ada@example.org', role: 'admin', hash: hash(GOOD_PASSWORD), created: T0, updated: T0, lastLogin: T0 + 5 * DAY });
    user.run({ ...base, id: ID.bob, first: 'Bob', last: 'Marley', email: 'bob@example.org', role: 'user', hash: hash('temporary-Xy7pQ2mN4r'), mustChange: 1, created: T0 + DAY, updated: T0 + DAY });
    user.run({ ...base, id: ID.dee, first: 'Dee', last: 'Parted', email: 'dee@example.org', role: 'user', active: 0, hash: hash(NEW_PASSWORD), created: T0 + DAY, updated: T0 + 3 * DAY, lastLogin: T0 + 2 * DAY, deactivated: T0 + 3 * DAY });
    user.run({ ...base, id: ID.ivy, first: 'Ivy', last: 'Invited', email: 'ivy@example.org', role: 'user', hash: null, created: T0 + 2 * DAY, updated: T0 + 2 * DAY });
    user.run({ ...base, id: ID.zoe, first: 'Zoë', last: 'Ångström', email: 'zoe@example.org', role: 'admin', hash: hash(NEW_PASSWORD), created: T0 + 2 * DAY, updated: T0 + 4 * DAY, lastLogin: T0 + 4 * DAY });

    const session = db.prepare('INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    session.run(1, sha256('ada-window-token'), ID.ada, T0 + 5 * DAY, Date.UTC(2026, 0, 1, 6));
    session.run(3, sha256('zoe-window-token'), ID.zoe, T0 + 4 * DAY, Date.UTC(2026, 0, 1, 2));

    const code = db.prepare(
      'INSERT INTO one_time_codes (id, user_id, purpose, code_hash, created_at, expires_at, used_at, failed_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Every session and code here is still unexpired at the test clock's "now": expired ones are pruned at start by
    // design (docs/SECURITY.md, Trust 7), which is not the upgrade's doing.
    code.run(1, ID.bob, 'reset', sha256('QRSTV67890'), Date.UTC(2025, 11, 31, 23), Date.UTC(2026, 0, 1, 1), Date.UTC(2025, 11, 31, 23, 30), 1);
    code.run(2, ID.ivy, 'invite', sha256(IVY_CODE.replace('-', '')), T0 + 2 * DAY, Date.UTC(2026, 0, 2), null, 0);

    db.prepare('INSERT INTO login_failures (id, email, at) VALUES (?, ?, ?)').run(1, 'ada@example.org', T0 + 4 * DAY);

    const audit = db.prepare('INSERT INTO audit_log (id, at, actor_id, action, target_id, details) VALUES (?, ?, ?, ?, ?, ?)');
    audit.run(1, T0, ID.ada, 'first_admin_created', ID.ada, JSON.stringify({ email: 'ada@example.org' }));
    audit.run(2, T0 + DAY, ID.ada, 'person_added', ID.bob, JSON.stringify({ email: 'bob@example.org', delivery: 'temporary_password' }));
    audit.run(3, T0 + 2 * DAY, ID.ada, 'person_added', ID.ivy, JSON.stringify({ email: 'ivy@example.org', delivery: 'email' }));
    audit.run(4, T0 + 2 * DAY, ID.ada, 'invite_sent', ID.ivy, JSON.stringify({ to: 'ivy@example.org' }));
    audit.run(5, T0 + 3 * DAY, ID.ada, 'person_deactivated', ID.dee, '{}');
    audit.run(6, T0 + 4 * DAY, null, 'sign_in_failed', ID.ada, JSON.stringify({ email: 'ada@example.org' }));
  })();
  db.close();
  return dir;
}

/** Every row of every v1 table, read through v1's own columns (later migrations may add columns and tables). */
function v1Rows(file: string, tables = v1Tables(file)): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(Object.entries(tables).map(([table, columns]) => [table, db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`).all()]));
  } finally {
    db.close();
  }
}

function v1Tables(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    return Object.fromEntries(tables.map((t) => [t, db.prepare<[], string>(`SELECT name FROM pragma_table_info('${t}')`).pluck().all()]));
  } finally {
    db.close();
  }
}

describe('upgrading a database of the first released schema', () => {
  it('migration 1 still creates exactly the released v1 schema', async () => {
    const frozen = new Database(':memory:');
    frozen.exec(SCHEMA_V1);
    const viaRunner = await openDatabase(path.join(tempDir(), DATABASE_FILE), { migrations: [MIGRATIONS[0]!] });
    // Compared as SQLite stored it, indentation aside (the frozen file is not indented like the TypeScript string).
    const schema = (db: Database.Database) =>
      db
        .prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_master ORDER BY type, name')
        .all()
        .map((e) => ({ ...e, sql: e.sql?.replace(/\s+/g, ' ') }));
    expect(schema(viaRunner)).toEqual(schema(frozen));
    viaRunner.close();
    frozen.close();
  });

  it('keeps every row of every v1 table, column for column', async () => {
    const dir = v1DataDir();
    const file = path.join(dir, DATABASE_FILE);
    const tables = v1Tables(file);
    expect(Object.keys(tables)).toEqual(['audit_log', 'login_failures', 'one_time_codes', 'sessions', 'users']);
    const before = v1Rows(file, tables);
    expect(before.users).toHaveLength(5);

    const t = await startTestRoster({ dataDir: dir });
    expect(t.roster.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(t.roster.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.roster.db.pragma('foreign_key_check')).toEqual([]);
    await t.roster.close();
    const after = v1Rows(file, tables);
    // The one row added is Roster's own, at its first start: it began keeping the log's head outside the database.
    expect(after.audit_log!.slice(before.audit_log!.length)).toMatchObject([{ action: 'audit_head_started', actor_id: null, target_id: null }]);
    expect({ ...after, audit_log: after.audit_log!.slice(0, before.audit_log!.length) }).toEqual(before);
  });

  it('leaves a copy of the v1 file, as it was, beside the database', async () => {
    const dir = v1DataDir();
    const before = v1Rows(path.join(dir, DATABASE_FILE));
    const t = await startTestRoster({ dataDir: dir });
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual([`${DATABASE_FILE}.before-v${LATEST_VERSION}-${t.clock.now()}.bak`]);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    expect(v1Rows(path.join(dir, backups[0]!))).toEqual(before);
  });

  it('lets the admin sign in with their v1 password, and lists, counts and searches the v1 people', async () => {
    const t = await startTestRoster({ dataDir: v1DataDir() });
    const ada = t.caller();
    expect(await ada.ok('signIn', { email: 'ada@example.org', password: GOOD_PASSWORD })).toMatchObject({ userId: ID.ada, role: 'admin', mustChangePassword: false });

    const active = await ada.ok('listPeople', { tab: 'active', pageSize: 25, sort: 'email' });
    expect(active.rows.map((p) => [p.id, p.email, p.role, p.status])).toEqual([
      [ID.ada, 'ada@example.org', 'admin', 'active'],
      [ID.bob, 'bob@example.org', 'user', 'active'],
      [ID.ivy, 'ivy@example.org', 'user', 'invited'],
      [ID.zoe, 'zoe@example.org', 'admin', 'active'],
    ]);
    const deactivated = await ada.ok('listPeople', { tab: 'deactivated', pageSize: 25 });
    expect(deactivated.rows).toMatchObject([{ id: ID.dee, status: 'deactivated', deactivatedAt: new Date(T0 + 3 * DAY).toISOString() }]);
    expect(await ada.ok('tabCounts', {})).toEqual({ active: 4, deactivated: 1 });

    // The trigram search index was built from the v1 rows: a mid-word, mixed-case term finds them through it.
    const ftsHits = t.roster.db.prepare(`SELECT rowid FROM users_fts WHERE users_fts MATCH '"ngs" AND "gst" AND "str"'`).pluck().all();
    expect(ftsHits).toEqual([ID.zoe]);
    const found = await ada.ok('listPeople', { tab: 'active', pageSize: 25, query: 'NGSTR' });
    expect(found.rows.map((p) => p.id)).toEqual([ID.zoe]);
    expect(await ada.ok('countPeople', { tab: 'active', query: 'marley' })).toEqual({ total: 1 });
  });

  it('lets a person invited before the upgrade accept the invite with the code they were sent', async () => {
    const t = await startTestRoster({ dataDir: v1DataDir() });
    const session = await t.caller().ok('redeemCode', { email: 'ivy@example.org', code: IVY_CODE, newPassword: NEW_PASSWORD });
    expect(session).toMatchObject({ userId: ID.ivy, mustChangePassword: false });
  });
});

// Issue 12 was built twice in parallel: bulk actions shipped first as migration 5, the hygiene work (filters,
// lockouts, sessions' last call) followed as 6. A database main wrote at 5 must take 6 as it is.
describe('upgrading a database at schema 5 (bulk actions, before the hygiene migration)', () => {
  async function v5File(): Promise<string> {
    const file = path.join(tempDir('roster-v5-'), DATABASE_FILE);
    const db = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    db.prepare(
      "INSERT INTO users (id, first_name, last_name, email, role, password_hash, created_at, updated_at, last_login_at) VALUES (?, ?, ?, ?, 'user', 'x', ?, ?, ?)",
    ).run(ID.bob, 'Bob', 'Marley', 'bob@example.org', T0, T0, null);
    db.prepare('INSERT INTO bulk_actions (id, actor_id, action, at) VALUES (1, NULL, ?, ?)').run('deactivate', T0 + DAY);
    db.prepare('INSERT INTO bulk_action_people (bulk_id, user_id) VALUES (1, ?)').run(ID.bob);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.close();
    return file;
  }

  it('is at the last version afterwards, keeps the bulk rows, and gives every person the hygiene columns', async () => {
    const file = await v5File();
    const db = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT id, action, at, undone_at FROM bulk_actions').all()).toEqual([{ id: 1, action: 'deactivate', at: T0 + DAY, undone_at: null }]);
    expect(db.prepare('SELECT bulk_id, user_id FROM bulk_action_people').all()).toEqual([{ bulk_id: 1, user_id: ID.bob }]);
    // Never signed in: idle since the account was made; not locked.
    expect(db.prepare('SELECT locked_until, idle_since, invite_expires_at FROM users WHERE id = ?').get(ID.bob)).toEqual({ locked_until: null, idle_since: T0, invite_expires_at: null });
    expect(db.prepare<[], string>("SELECT name FROM pragma_table_info('sessions')").pluck().all()).toContain('last_seen_at');
    const indexes = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['users_by_idle_since', 'users_locked', 'users_temporary', 'users_invited', 'users_admins']));
    expect(indexes, 'dropped by migration 7: the invite filters read users.invite_expires_at').not.toContain('one_time_codes_live_invites');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${DATABASE_FILE}.before-v${LATEST_VERSION}-`));
    expect(backups).toHaveLength(1);
  });
});
