// Shared steps for the backup tests: files that are not good backups, and reading a backup's people.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import bcrypt from 'bcryptjs';
import { MIGRATIONS } from '../../../main/core/db/migrations.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { ADMIN } from '../harness.ts';

/** Emails of everyone in a database file, sorted (the file is opened read-only and closed). */
export function emailsIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], string>('SELECT email FROM users ORDER BY email').pluck().all();
  } finally {
    db.close();
  }
}

/** A Roster database at an older schema version (only the first migrations), with ADMIN and the given people. */
export async function olderSchemaDatabase(file: string, version: number, people: string[]): Promise<void> {
  const db = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  const insert = db.prepare(
    `INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, 1, 1)`,
  );
  insert.run(ADMIN.firstName, ADMIN.lastName, ADMIN.email, 'admin', bcrypt.hashSync(ADMIN.password, 4));
  for (const email of people) insert.run('Old', 'Timer', email, 'user', null);
  closeDatabase(db);
}

/** Flips bytes in the middle of a database file's b-tree pages, the way a failing disk would. */
export function corrupt(file: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare<[], number>("SELECT rootpage FROM sqlite_schema WHERE name = 'users_by_email'").pluck().get()!;
  db.close();
  const fd = fs.openSync(file, 'r+');
  // Overwrite the page-type and cell data of an index root page with garbage (the header page stays readable).
  fs.writeSync(fd, Buffer.alloc(200, 0x5a), 0, 200, (root - 1) * pageSize);
  fs.closeSync(fd);
}

/** A valid SQLite file that is not a Roster database. */
export function foreignDatabase(file: string): void {
  const db = new Database(file);
  db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('bread'); PRAGMA user_version = 1;");
  db.close();
}

/** A copy of a database that says it was written by a newer Roster. */
export function newerSchemaCopy(source: string, file: string): void {
  fs.copyFileSync(source, file);
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma(`user_version = ${Math.max(...MIGRATIONS.map((m) => m.version)) + 1}`);
  db.close();
}

export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');
