// A long Activity export is made on worker threads: the file must be the same, byte for byte, as the one made here
// with the same code, and a failure or a stop part-way must end the workers rather than leave them or the caller
// waiting.
import { describe, expect, it } from 'vitest';
import { csvBatch } from '../../../main/core/audit/activity-csv.ts';
import { ActivityQuery } from '../../../main/core/audit/activity-query.ts';
import { workerCode } from '../../../main/core/workers/worker-code.ts';
import { csvOnWorkers } from '../../../main/core/exports/csv-on-workers.ts';
import { startTestRoster, type TestRoster } from '../harness.ts';
import { addPerson } from '../people/helpers.ts';

const ENTRIES = 2_650; // 26 batches of 100 and a short one: past the 20 an export makes on main

/** A log with real entries (added, edited, roles, deactivations) copied out to ENTRIES with varied people. */
async function longLog(): Promise<{ t: TestRoster; ids: number[] }> {
  const t = await startTestRoster();
  const admin = await t.admin();
  for (const name of ['Grace', 'Alan', 'Mae', 'Ésaïe', '=Formula']) {
    const { person } = await addPerson(admin, name.replace(/[^A-Za-zÉéï]/g, '') || 'X', `${name.toLowerCase().replace(/[^a-z]/g, '') || 'x'}@example.org`);
    await admin.ok('editPerson', { id: person.id, firstName: name, lastName: 'Tester, "Jr"', email: person.email });
    await admin.ok('deactivatePerson', { id: person.id });
  }
  const db = t.roster.db;
  const real = db.prepare('SELECT at, actor_id, action, target_id, details FROM audit_log ORDER BY id').all() as { at: number; actor_id: number | null; action: string; target_id: number | null; details: string }[];
  const insert = db.prepare('INSERT INTO audit_log (at, actor_id, action, target_id, details) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = real.length; i < ENTRIES; i++) {
      const r = real[i % real.length]!;
      insert.run(r.at + i, r.actor_id, r.action, r.target_id, r.details);
    }
  })();
  const ids = db.prepare('SELECT id FROM audit_log ORDER BY at DESC, id DESC').pluck().all() as number[];
  return { t, ids };
}

function* batchesOf(ids: number[], size = 100): Generator<number[]> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

function activityChunks(t: TestRoster, ids: Iterator<number[]>, workers: number, onRows: (n: number) => void) {
  const { db } = t.roster;
  const query = new ActivityQuery(db);
  return csvOnWorkers(db, ids, { worker: 'activity-export-worker', local: (batch) => csvBatch(db, query, batch), workers, onRows });
}

/** The file's text, its rows, and whether workers made it (their chunks come as bytes, main's as strings). */
async function exported(t: TestRoster, ids: Iterator<number[]>, workers: number): Promise<{ text: string; rows: number; onWorkers: boolean }> {
  let rows = 0;
  let onWorkers = false;
  const parts: Buffer[] = [];
  for await (const chunk of activityChunks(t, ids, workers, (n) => (rows += n))) {
    onWorkers ||= chunk instanceof Uint8Array;
    parts.push(Buffer.from(chunk));
  }
  return { text: Buffer.concat(parts).toString('utf8'), rows, onWorkers };
}

describe('the Activity export on worker threads', () => {
  it('writes the same file, byte for byte, as the export made on main', async () => {
    const { t, ids } = await longLog();
    expect(t.roster.db.memory).toBe(false); // a file: the workers' path is the one taken
    const here = await exported(t, batchesOf(ids), 0);
    const onWorkers = await exported(t, batchesOf(ids), 2);
    expect(here.rows).toBe(ENTRIES);
    expect(here.text.split('\r\n').length).toBeGreaterThanOrEqual(ENTRIES); // lines, the header aside
    expect(onWorkers.rows).toBe(ENTRIES);
    expect([here.onWorkers, onWorkers.onWorkers]).toEqual([false, true]);
    expect(onWorkers.text).toBe(here.text);
  });

  it('a failure while reading the order ends the export with that error, workers and all', async () => {
    const { t, ids } = await longLog();
    function* failing(): Generator<number[]> {
      yield* [...batchesOf(ids)].slice(0, 24); // past the opening batches: the workers are running
      throw new Error('the database was replaced');
    }
    await expect(exported(t, failing(), 2)).rejects.toThrow('the database was replaced');
  });

  it('a reader that stops part-way closes the export, waiting only for its workers to end', async () => {
    const { t, ids } = await longLog();
    const chunks = activityChunks(t, batchesOf(ids), 2, () => {});
    await chunks.next();
    await chunks.return(undefined); // what `for await` does when the writer fails (the download went away)
    await expect(chunks.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it.each(['activity-export-worker', 'people-export-worker'] as const)("the %s's code leaves zod out (it would add ~7 MB to each worker's capped heap)", async (name) => {
    const code = await workerCode(name);
    expect(code).toContain('papaparse'); // the bundle, with the CSV library it needs
    expect(code).not.toMatch(/zod\/v4|\$ZodType/);
  });
});
