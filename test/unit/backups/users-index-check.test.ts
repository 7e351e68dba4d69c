// The users table's part of the integrity check (users-index-check.ts): it must find what PRAGMA integrity_check
// finds in the users indexes (stale entries, entries out of order), find nothing in a sound file, and leave a file
// whose indexes are not Roster's own to SQLite's check.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileFacts } from '../../../main/core/backups/backup-worker.ts';
import { schemaObjectsAt } from '../../../main/core/backups/backup-check.ts';
import { compareValues, Fingerprint, rosterUsersIndexes, usersIndexesAt, usersIndexFindings } from '../../../main/core/backups/users-index-check.ts';
import { DATABASE_FILE } from '../../../main/core/data-dir.ts';
import { LATEST_VERSION } from '../../../main/core/db/migrations.ts';
import { startTestRoster, tempDir } from '../harness.ts';

/** A closed database file at the latest schema holding people in every state the users indexes select. */
async function peopleFile(): Promise<string> {
  const dataDir = tempDir();
  const t = await startTestRoster({ dataDir });
  await t.admin();
  const insert = t.roster.db.prepare(
    `INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, must_change_password, created_at, updated_at, last_login_at, locked_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`,
  );
  const names = ['adams', 'Baker', 'Émile', 'émile', 'Zoë', 'O’Brien', '𝒜strid', 'Ｆｕｌｌ', 'baker'];
  t.roster.db.transaction(() => {
    names.forEach((last, i) => {
      for (let k = 0; k < 3; k++) {
        const n = i * 3 + k;
        insert.run(`P${n}`, last, `p${n}@example.org`, n % 4 === 0 ? 'admin' : 'user', n % 5 === 0 ? 0 : 1, n % 3 === 0 ? null : 'hash', n % 7 === 0 ? 1 : 0, n % 2 ? 1_700_000_000_000 + n : null, n % 6 === 0 ? 1_900_000_000_000 : null);
      }
    });
  })();
  await t.roster.close();
  return path.join(dataDir, DATABASE_FILE);
}

/** Runs `change` on a connection allowed to rewrite the schema, then closes it (the next one reads the new schema). */
function withSchema(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.unsafeMode(true); // lifts SQLite's defensive mode, which better-sqlite3 sets: it forbids writing the schema
  db.pragma('writable_schema = ON');
  change(db);
  db.close();
}

/** Hides `index` from the schema while `update` runs, then puts it back: its entries no longer match the rows. */
function staleIndex(file: string, index: string, update: string): void {
  let row: unknown[] = [];
  withSchema(file, (db) => {
    row = db.prepare('SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema WHERE name = ?').raw().get(index) as unknown[];
    db.prepare('DELETE FROM sqlite_schema WHERE name = ?').run(index);
  });
  const db = new Database(file);
  db.prepare(update).run();
  db.close();
  withSchema(file, (db) => db.prepare('INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, ?, ?)').run(...row));
}

const check = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    const specs = rosterUsersIndexes(db);
    return { specs, findings: specs ? usersIndexFindings(db, specs) : null, sqlite: db.prepare('PRAGMA integrity_check(users)').pluck().all() };
  } finally {
    db.close();
  }
};

describe('the users indexes check', () => {
  it("knows each of Roster's users indexes at the latest schema, and finds nothing wrong in a sound file", async () => {
    const file = await peopleFile();
    const { specs, findings, sqlite } = check(file);
    const named = [...schemaObjectsAt(LATEST_VERSION)].filter((o) => o.startsWith('index:users_')).map((o) => o.slice('index:'.length));
    expect([...usersIndexesAt(LATEST_VERSION).keys()].sort()).toEqual(named.sort());
    expect(specs?.map((s) => s.name).sort()).toEqual([...named, 'sqlite_autoindex_users_1'].sort());
    expect(sqlite).toEqual(['ok']);
    expect(findings).toEqual([]);
  });

  it('finds an index entry left stale by a change the index never saw, as integrity_check does', async () => {
    const file = await peopleFile();
    staleIndex(file, 'users_by_name', "UPDATE users SET last_name = 'Changed' WHERE email = 'p4@example.org'");
    const { findings, sqlite } = check(file);
    expect(sqlite.join(' ')).toMatch(/users_by_name/);
    expect(findings).toEqual(["index users_by_name does not hold exactly its rows' entries (28 entries for 28 rows)"]);
  });

  it('finds entries out of their collation’s order (built under BINARY, declared NOCASE), as integrity_check does', async () => {
    const file = await peopleFile();
    const original = new Database(file, { readonly: true }).prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'users_by_name'").pluck().get()!;
    withSchema(file, (db) => db.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'users_by_name'").run(original.replace(/ COLLATE NOCASE/g, '')));
    const db = new Database(file);
    db.exec('REINDEX users_by_name');
    db.close();
    withSchema(file, (db) => db.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'users_by_name'").run(original));

    const { findings, sqlite } = check(file);
    expect(sqlite.join(' ')).toMatch(/users_by_name/);
    expect(findings?.some((f) => /^index users_by_name has \d+ entries out of order$/.test(f))).toBe(true);
  });

  it("leaves a file whose users indexes are not Roster's own to SQLite's check, and the verdict still comes", async () => {
    const file = await peopleFile();
    const db = new Database(file);
    db.exec('CREATE INDEX users_extra ON users(created_at)');
    db.close();
    expect(check(file).specs).toBeNull();
    const facts = await readFileFacts(file);
    expect(facts.integrity).toEqual(['ok']);
  });

  it('leaves to SQLite a file where a column named like the rowid would hide the entries\' row pointers', async () => {
    const file = await peopleFile();
    const db = new Database(file);
    db.exec('ALTER TABLE users ADD COLUMN oid INTEGER');
    db.close();
    expect(check(file).specs).toBeNull();
  });

  it('leaves to SQLite a file with integers beyond 2^53, which JavaScript numbers cannot tell apart', async () => {
    const file = await peopleFile();
    const db = new Database(file);
    db.prepare("UPDATE users SET last_login_at = ? WHERE email = 'p3@example.org'").run(2n ** 60n);
    db.close();
    const { specs, findings, sqlite } = check(file);
    expect(specs).not.toBeNull();
    expect(sqlite).toEqual(['ok']);
    expect(findings).toBeNull();
    expect((await readFileFacts(file)).integrity).toEqual(['ok']);
  });

  it('makes a file with a stale users index fail the whole check (readFileFacts)', async () => {
    const file = await peopleFile();
    staleIndex(file, 'users_by_email', "UPDATE users SET email = 'moved@example.org' WHERE email = 'p5@example.org'");
    const facts = await readFileFacts(file);
    expect(facts.integrity).toEqual(["index users_by_email does not hold exactly its rows' entries (28 entries for 28 rows)"]);
  });
});

describe("SQLite's order of values, as the check compares them", () => {
  it.each([
    ['NULL before numbers', null, 0, 'BINARY', -1],
    ['numbers before text', 99, '1', 'BINARY', -1],
    ['text before blobs', 'z', Buffer.from('a'), 'BINARY', -1],
    ['numbers by value', 2, 10, 'BINARY', -1],
    ['BINARY: capitals first', 'Baker', 'adams', 'BINARY', -1],
    ['NOCASE folds ASCII letters', 'adams', 'Baker', 'NOCASE', -1],
    ['NOCASE: equal when only ASCII case differs', 'BAKER', 'baker', 'NOCASE', 0],
    ['NOCASE does not fold other letters', 'É', 'é', 'NOCASE', -1],
    ['code point order: U+FFFD before a character beyond U+FFFF', '\ufffd', '𝒜', 'BINARY', -1],
    ['a prefix first', 'Bak', 'Baker', 'BINARY', -1],
    ['RTRIM ignores trailing spaces', 'a  ', 'a', 'RTRIM', 0],
  ] as const)('%s', (_, x, y, collation, sign) => {
    expect(Math.sign(compareValues(x, y, collation))).toBe(sign);
    expect(Math.sign(compareValues(y, x, collation))).toBe(-sign || 0);
  });

  it('agrees with SQLite on every pair of some awkward strings', () => {
    const db = new Database(':memory:');
    const words = ['', 'a', 'A', 'ab', 'aB', 'Ab', 'é', 'É', 'z', '\uffff', '𝒜', 'a b', 'a\u0000', '~', '_', 'Zoë', 'zoe'];
    for (const collation of ['BINARY', 'NOCASE'] as const) {
      const order = db.prepare<[string], string>(`SELECT value FROM json_each(?) ORDER BY value COLLATE ${collation}`).pluck();
      const theirs = order.all(JSON.stringify(words));
      const ours = [...words].sort((x, y) => compareValues(x, y, collation));
      const points = (w: string) => Array.from(w, (c) => c.codePointAt(0)).join('.');
      expect(ours.map(points)).toEqual(theirs.map(points));
    }
  });
});

describe('fingerprints', () => {
  const of = (...entries: unknown[][]) => {
    const f = new Fingerprint();
    for (const e of entries) f.add(e);
    return f;
  };
  it('are equal for the same entries in any order, and differ for any changed value, type or count', () => {
    expect(of([1, 'a'], [2, 'b']).equals(of([2, 'b'], [1, 'a']))).toBe(true);
    for (const other of [of([1, 'a'], [2, 'c']), of([1, 'a'], [2, '1']), of([1, 'a'], ['2', 'b']), of([1, 'a'], [2, null]), of([1, 'a']), of([1, 'a'], [2, 'b'], [2, 'b']), of(['a', 1], [2, 'b'])]) {
      expect(of([1, 'a'], [2, 'b']).equals(other)).toBe(false);
    }
  });
});
