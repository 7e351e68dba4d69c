// One import's worker thread: it reads the chosen file, keeps its rows and their verdicts (so main never holds or
// parses a large file), answers the preview's questions, and on confirmation writes every person in ONE
// transaction on its own connection, so main's loop stays free and the import is all or nothing. Bundled on its
// own (scripts/build.mjs) and started by import-session.ts.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { IMPORT_LIMITS, VERDICTS, type ImportMapping, type ImportRow, type VerdictCounts } from '../../../common/people-import.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { UsersRepo } from '../db/users-repo.ts';
import { OneTimeCodes } from '../email/one-time-codes.ts';
import { packAdded } from './added-people.ts';
import { FileProblem, readCsv, type CsvTable } from './csv-reading.ts';
import type { Added, Opened, Request, WorkerSetup, WriteOrder, Written } from './import-protocol.ts';
import { judgeRows, type CheckedRow } from './row-verdicts.ts';
import { openWithDriver } from '../workers/worker-driver.ts';

const setup = workerData as WorkerSetup;
if (!parentPort) throw new Error('the import worker runs only as a worker thread');
const port = parentPort;

let table: CsvTable | null = null;
let mapping: ImportMapping | null = null;
let checked: CheckedRow[] = [];
/** Row indexes per verdict, for the preview's pages. */
let byVerdict = new Map<string, number[]>();

function connect(readonly: boolean): Db {
  const db = openWithDriver(setup, setup.dbFile, readonly);
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    // A large cache: an import touches every index of users and audit_log, and a page evicted mid-transaction is
    // spilled to the WAL and read back.
    db.pragma('cache_size = -262144');
    // Each INSERT (users with four sort indexes and triggers) keeps a statement journal; past 64 KiB SQLite spills it
    // to a temporary file, once per row: kept in memory, the write costs less than half the CPU (measured at 20k rows).
    db.pragma('temp_store = MEMORY');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  }
  return db;
}

function open(file: string): Opened {
  const size = fs.statSync(file).size;
  if (size > IMPORT_LIMITS.bytes) throw new FileProblem('TOO_LARGE', `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB. Split it into smaller files.`);
  table = readCsv(fs.readFileSync(file));
  return { delimiter: table.delimiter, headers: table.headers, rows: table.rows.length };
}

function judge(next: ImportMapping): VerdictCounts {
  if (!table) throw new Error('no file open');
  const db = connect(true);
  try {
    const known = db.prepare<[string], number>('SELECT 1 FROM users WHERE email = ?').pluck();
    checked = judgeRows(table.rows, table.lines, next, (email) => known.get(email) !== undefined);
  } finally {
    db.close();
  }
  mapping = next;
  byVerdict = new Map(VERDICTS.map((v) => [v, []]));
  checked.forEach((c, i) => byVerdict.get(c.verdict)?.push(i));
  return Object.fromEntries(VERDICTS.map((v) => [v, byVerdict.get(v)?.length ?? 0])) as VerdictCounts;
}

/** The i-th item of a list built in step with the others (rows, lines, verdicts): a miss is a bug, said loudly. */
function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i} of ${items.length}`);
  return item;
}

const cell = (row: string[], column: number | null) => (column === null ? '' : (row[column] ?? '')).trim().slice(0, 300);

function rows(verdict: ImportRow['verdict'] | null, offset: number, limit: number): { rows: ImportRow[]; total: number } {
  if (!table || !mapping) throw new Error('no file judged');
  const m = mapping;
  const indexes = verdict ? (byVerdict.get(verdict) ?? []) : null;
  const total = indexes ? indexes.length : checked.length;
  const out: ImportRow[] = [];
  for (let k = offset; k < Math.min(total, offset + limit); k++) {
    const i = indexes ? nth(indexes, k) : k;
    const row = nth(table.rows, i);
    const c = nth(checked, i);
    out.push({ line: nth(table.lines, i), firstName: cell(row, m.firstName), lastName: cell(row, m.lastName), email: cell(row, m.email), role: cell(row, m.role), verdict: c.verdict, reason: c.reason });
  }
  return { rows: out, total };
}

/**
 * People written per statement, and per message to main. Each statement on users costs a statement savepoint, at
 * which FTS5 writes out what it holds as a new segment: a thousand people at a time, not one (see UsersRepo).
 */
const CHUNK = 1000;

/** Every "will be added" row, in one IMMEDIATE transaction: the people, their invite codes and their audit entries. */
function write(order: WriteOrder): Written {
  if (!table) throw new Error('no file judged');
  const judged = table; // the transaction's callback cannot see the narrowing
  const db = connect(false);
  try {
    const users = new UsersRepo(db);
    const audit = new AuditRepo(db);
    const key = Buffer.from(order.codeKey);
    const codes = new OneTimeCodes(db, () => key);
    const { actorId, now } = order;
    const delivery = order.byEmail ? 'email' : 'invite_code';
    let added = 0;
    let skippedSince = 0;
    const addresses: string[] = [];
    db.transaction(() => {
      // Checked again inside the write: an admin who lost the role or was deactivated since confirming adds no one.
      const actor = users.get(actorId);
      if (!actor || !actor.is_active || actor.role !== 'admin') throw Object.assign(new Error('Only admins can do that.'), { code: 'FORBIDDEN' });
      const toAdd = checked.flatMap((c, i) => (c.verdict === 'add' && c.person ? [{ line: nth(judged.lines, i), person: c.person }] : []));
      for (let start = 0; start < toAdd.length; start += CHUNK) {
        const chunk = toAdd.slice(start, start + CHUNK);
        const ids = users.insertInvitedIfNew(chunk.map((r) => r.person), now);
        // Someone with this address may have been added since the preview: skipped, and counted as such.
        const written = chunk.flatMap((r, k) => {
          const personId = ids[k];
          return personId === null || personId === undefined ? [] : [{ ...r, personId }];
        });
        skippedSince += chunk.length - written.length;
        for (const r of written) addresses.push(r.person.email);
        const shown = codes.issueForNewPeople(written.map((r) => r.personId), 'invite', now, order.codeLifetimeMs);
        audit.recordMany(written.map(({ person, personId }) => ({ at: now, actorId, action: 'person_added', targetId: personId, details: { email: person.email, role: person.role, delivery, via: 'import' } })));
        const batch: Added[] = written.map(({ line, person, personId }, k) => ({ line, personId, firstName: person.firstName, lastName: person.lastName, email: person.email, code: nth(shown, k) }));
        added += batch.length;
        const { batch: packed, transfer } = packAdded(batch);
        port.postMessage({ added: packed }, transfer);
        port.postMessage({ progress: added });
      }
      new LoginThrottle(db).followNewAddresses(addresses, now);
      audit.record(now, actorId, 'people_imported', null, { file: order.fileName, rows: judged.rows.length, added, skipped: judged.rows.length - added, delivery });
    }).immediate();
    port.postMessage({ progress: added });
    return { added, skippedSince };
  } finally {
    db.close();
  }
}

function answer(request: Request): unknown {
  switch (request.op) {
    case 'open':
      return open(request.file);
    case 'judge':
      return judge(request.mapping);
    case 'rows':
      return rows(request.verdict, request.offset, request.limit);
    case 'write':
      return write(request.write);
  }
}

port.on('message', ({ id, ...request }: Request & { id: number }) => {
  try {
    port.postMessage({ id, ok: true, value: answer(request) });
  } catch (err) {
    const e = err as Error & { code?: string };
    port.postMessage({ id, ok: false, problem: err instanceof FileProblem ? err.problem : undefined, code: e.code, message: e.message });
  }
});
