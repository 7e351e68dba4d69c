// A long log's chain is checked in ranges on worker threads: whatever is done to the log, the ranges must come to
// exactly the verdict the one-by-one check here does (the same first break, entry count and head), including
// breaks at and across the ranges' edges.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../../main/core/audit/audit-chain.ts';
import { verifyChain } from '../../../main/core/audit/chain-verify.ts';
import { closeDatabase, openDatabase, type Db } from '../../../main/core/db/open-database.ts';
import { tempDir } from '../harness.ts';

const ENTRIES = 3_000;
const WORKERS = 3; // ranges (0, 1000], (1000, 2000], (2000, 3000]
let pristine = '';

// Made once for every case (the harness's temporary folders last one test each).
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-chain-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

beforeAll(async () => {
  pristine = path.join(folder, 'roster.db');
  const db = await openDatabase(pristine, { now: () => 0, backupBeforeMigrating: false });
  const insert = db.prepare('INSERT INTO audit_log (id, at, actor_id, action, target_id, details, hash) VALUES (?, ?, NULL, ?, NULL, ?, ?)');
  let previous = GENESIS;
  db.transaction(() => {
    for (let id = 1; id <= ENTRIES; id++) {
      const e = { id, at: 1_700_000_000_000 + id * 1000, actor_id: null, action: 'person_added', target_id: null, details: JSON.stringify({ n: id }) };
      previous = entryHash(previous, e);
      insert.run(id, e.at, e.action, e.details, previous);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)'); // the copies below take the main file only
  closeDatabase(db);
});

/** A fresh copy of the pristine log with `tamper` applied by plain SQL. */
async function logWith(tamper: string): Promise<Db> {
  const file = path.join(tempDir(), 'roster.db');
  fs.copyFileSync(pristine, file);
  const db = await openDatabase(file, { now: () => 0, backupBeforeMigrating: false });
  if (tamper) db.exec(tamper);
  return db;
}

const head = { state: 'missing', detail: '' } as const;
const CASES: [name: string, tamper: string, brokenAt: number | null][] = [
  ['an untouched log', '', null],
  ['the first entry edited', `UPDATE audit_log SET details = '{"n":0}' WHERE id = 1`, 1],
  ['the last entry of the first range edited', `UPDATE audit_log SET details = '{}' WHERE id = 1000`, 1000],
  ['the first entry of the second range edited', `UPDATE audit_log SET details = '{}' WHERE id = 1001`, 1001],
  ['the newest entry edited', `UPDATE audit_log SET at = 1 WHERE id = ${ENTRIES}`, ENTRIES],
  ['entries removed across a range edge', 'DELETE FROM audit_log WHERE id BETWEEN 999 AND 1002', 1003],
  ['the entry before a range with no hash', 'UPDATE audit_log SET hash = NULL WHERE id = 2000', 2000],
  ['breaks in two ranges (the first one wins)', `UPDATE audit_log SET details = '{}' WHERE id IN (1500, 2500)`, 1500],
];

describe('the chain check in ranges on worker threads', () => {
  it.each(CASES)('%s: the same verdict as the check in one piece', async (_name, tamper, brokenAt) => {
    const db = await logWith(tamper);
    try {
      const inOne = await verifyChain(db, { head, now: () => 0, workers: 0 });
      const inRanges = await verifyChain(db, { head, now: () => 0, workers: WORKERS, parallelFrom: 0 });
      expect(inOne.brokenAt?.id ?? null).toBe(brokenAt); // the case breaks where it should
      expect({ ...inRanges, checkedAt: null }).toEqual({ ...inOne, checkedAt: null });
    } finally {
      closeDatabase(db);
    }
  });
});
