// The upgrade that adds the hash chain (migration 4) chains the entries already there, oldest first, inside the
// migration's transaction: the database is never seen with half a chain. open-database.ts has already saved the
// pre-upgrade copy beside it.
import type { Db } from '../db/open-database.ts';
import { entryHash, GENESIS, type ChainedFields } from './audit-chain.ts';

const BATCH = 10_000;

export function chainExistingEntries(db: Db): void {
  const read = db.prepare<[number, number], ChainedFields>('SELECT id, at, actor_id, action, target_id, details FROM audit_log WHERE id > ? ORDER BY id LIMIT ?');
  const update = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  let previous = GENESIS;
  // In batches: the connection cannot write while a statement is still iterating.
  for (let after = 0, rows = read.all(after, BATCH); rows.length; after = rows[rows.length - 1]?.id ?? after, rows = read.all(after, BATCH)) {
    for (const e of rows) {
      previous = entryHash(previous, e);
      update.run(previous, e.id);
    }
  }
}
