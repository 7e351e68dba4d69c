// What a refused or failed call must leave as it was: people, sessions, the audit log's length, codes and what
// bulk actions remember, as one comparable string.
import type { TestRoster } from './harness.ts';

export function databaseSnapshot(t: TestRoster): string {
  const db = t.roster.db;
  return JSON.stringify([
    db.prepare('SELECT * FROM users ORDER BY id').all(),
    db.prepare('SELECT id, user_id FROM sessions ORDER BY id').all(),
    db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
    db.prepare('SELECT * FROM one_time_codes ORDER BY id').all(),
    db.prepare('SELECT * FROM bulk_actions ORDER BY id').all(),
  ]);
}
