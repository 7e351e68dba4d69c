// People → Export CSV's file: its columns and one batch of people as CSV text. The same code runs here (a short
// export, or a database in memory) and on the export's worker threads (people-export-worker.ts), so a file is the
// same byte for byte whichever wrote it.
import type { Statement } from 'better-sqlite3';
import { csvChunk, type CsvCell } from '../csv/csv-writer.ts';
import type { Db } from '../db/open-database.ts';
import { statusOf, type UserRow } from '../db/users-repo.ts';
import type { CsvBatch } from '../exports/csv-on-workers.ts';

export const PEOPLE_CSV_HEADER = ['First name', 'Last name', 'Email', 'Role', 'Status', 'Last login (UTC)', 'Created (UTC)'];

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** What a line needs of a person (statusOf reads the hash only for its presence). */
type CsvPerson = Pick<UserRow, 'id' | 'first_name' | 'last_name' | 'email' | 'role' | 'is_active' | 'password_hash' | 'last_login_at' | 'created_at'>;

export function csvRow(r: CsvPerson): CsvCell[] {
  return [r.first_name, r.last_name, r.email, r.role, statusOf(r), iso(r.last_login_at), iso(r.created_at)];
}

// One statement per connection, whatever the number of ids.
const byIds = new WeakMap<Db, Statement<[string], CsvPerson>>();

/** The people at these ids (in this order) as CSV lines. */
export function peopleCsvBatch(db: Db, ids: number[]): CsvBatch {
  let statement = byIds.get(db);
  if (!statement) {
    // The columns a line shows, the hash as a flag: fewer values to copy out of SQLite per row.
    statement = db.prepare<[string], CsvPerson>(
      "SELECT id, first_name, last_name, email, role, is_active, IIF(password_hash IS NULL, NULL, '') AS password_hash, last_login_at, created_at FROM users WHERE id IN (SELECT value FROM json_each(?))",
    );
    byIds.set(db, statement);
  }
  const found = new Map(statement.all(JSON.stringify(ids)).map((r) => [r.id, r]));
  const cells: CsvCell[][] = [];
  for (const id of ids) {
    const row = found.get(id);
    if (row) cells.push(csvRow(row)); // people are never deleted; a missing id is skipped rather than guessed at
  }
  return { text: csvChunk(cells), rows: cells.length };
}
