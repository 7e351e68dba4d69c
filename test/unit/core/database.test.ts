import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseFileError, openDatabase } from '../../../main/core/db/open-database.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../main/core/db/migrations.ts';
import { createRoster } from '../../../main/core/roster.ts';
import { tempDir } from '../harness.ts';

const v1: Migration = { version: 1, description: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);' };
const v2: Migration = { version: 2, description: 'note titles', sql: "ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT '';" };
const broken: Migration = { version: 2, description: 'half broken', sql: "ALTER TABLE notes ADD COLUMN title TEXT; CREATE TABLE oops (" };

describe('the database file', () => {
  it('is opened with WAL, synchronous FULL, foreign keys and a busy timeout', async () => {
    const db = await openDatabase(path.join(tempDir(), 'r.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('migrates an older file in a transaction, after backing it up', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.db');
    const old = await openDatabase(file, { migrations: [v1] });
    old.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
    old.close();
    const db = await openDatabase(file, { migrations: [v1, v2], now: () => 1234 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT body, title FROM notes').get()).toEqual({ body: 'kept', title: '' });
    db.close();
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual(['r.db.before-v2-1234.bak']);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT body FROM notes').pluck().get()).toBe('kept');
    backup.close();
  });

  it('rolls back a failing migration completely and keeps the data', async () => {
    const file = path.join(tempDir(), 'r.db');
    const old = await openDatabase(file, { migrations: [v1] });
    old.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
    old.close();
    await expect(openDatabase(file, { migrations: [v1, broken] })).rejects.toThrow();
    const db = await openDatabase(file, { migrations: [v1] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM pragma_table_info('notes') WHERE name = 'title'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT body FROM notes').pluck().get()).toBe('kept');
    db.close();
  });

  it('refuses a file written by a newer Roster', async () => {
    const file = path.join(tempDir(), 'r.db');
    (await openDatabase(file, { migrations: [v1, v2] })).close();
    await expect(openDatabase(file, { migrations: [v1] })).rejects.toThrow(/newer Roster/);
  });

  it('never touches a file that is not SQLite', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'roster.db');
    const content = 'These are my notes, not a database.\n'.repeat(20);
    fs.writeFileSync(file, content);
    await expect(openDatabase(file)).rejects.toBeInstanceOf(DatabaseFileError);
    await expect(createRoster({ dataDir: dir, bcryptCost: 4 })).rejects.toThrow(/not a Roster database/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('roster.db'))).toEqual(['roster.db']);
  });

  it('ships migrations with increasing versions', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
  });
});
