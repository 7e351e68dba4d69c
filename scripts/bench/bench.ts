// The scale bench: N generated people (and 2N audit entries), every People and Activity operation timed through the dispatcher the UI calls and
// beside it the raw SQL floor, then browser-mode start-up and memory. Prints a table, writes bench/results/.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract.ts';
import { MemorySessionSlot } from '../../main/core/api/session-slot.ts';
import { DATABASE_FILE } from '../../main/core/data-dir.ts';
import { decodeCursor } from '../../main/core/db/people-pages.ts';
import { SORTS } from '../../main/core/db/people-sorted-rows.ts';
import { createRoster } from '../../main/core/roster.ts';
import { AUDIT_HEAD_FILE } from '../../main/core/audit/audit-head-file.ts';
import { benchActivity } from './activity.ts';
import { ensureAuditData } from './audit-generator.ts';
import { benchBackups } from './backups.ts';
import { benchHygiene } from './hygiene.ts';
import { benchPeopleCsv } from './people-csv.ts';
import { benchBulk } from './bulk.ts';
import { benchResend } from './resend.ts';
import { rssAfterFirstPage, startBrowserMode, stop } from './browser-mode.ts';
import { printTable, summarise, timeIt, verdict, type Row } from './measure.ts';
import { writeResults } from './results-file.ts';
import { BENCH_ADMIN, ensurePeopleData } from './people-database.ts';
import { searchTerms } from './search-terms.ts';

let root = ''; // the repository, passed in by run.mjs (this file runs from a bundle elsewhere)
const SORT_KEYS = Object.keys(SORTS) as (keyof typeof SORTS)[];
const TABS = ['active', 'deactivated'] as const;
const LIKE = `(first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')`;
const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every section, in the order they run; results of all of them are named by the size alone. */
const SECTIONS = ['people', 'backups', 'browser', 'activity', 'csv', 'bulk', 'hygiene', 'resend'];

export async function main(argv: string[], repoRoot: string): Promise<void> {
  root = repoRoot;
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '7' },
      only: { type: 'string', default: SECTIONS.join(',') },
      /** Audit entries in the generated log (default: two per person). */
      audit: { type: 'string' },
    },
  });
  const only = new Set(values.only.split(','));
  const users = Number(values.users);
  const seed = Number(values.seed);
  const runs = Math.max(5, Number(values.runs));
  if (!Number.isInteger(users) || users < 1000) throw new Error('--users must be a whole number ≥ 1000 (10000, 100000, 1000000)');
  const auditEntries = values.audit === undefined ? 2 * users : Number(values.audit);
  if (!Number.isInteger(auditEntries) || auditEntries < 1) throw new Error('--audit must be a whole number ≥ 1');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const rows: Row[] = [];

  // 1. Data: generated once per size and seed, then reused.
  const dataDir = path.join(root, 'bench', 'data', `people-${users}-seed-${seed}`);
  log(`bench: ${users.toLocaleString('en')} people (seed ${seed}) in ${path.relative(root, dataDir)}`);
  const cpu = process.cpuUsage();
  const gen = await ensurePeopleData({ dataDir, users, seed, log });
  const genCpu = process.cpuUsage(cpu);
  const genS = (gen.insertMs + gen.indexMs) / 1000;
  rows.push({
    group: 'data',
    what: `generate ${users.toLocaleString('en')} (insert ${(gen.insertMs / 1000).toFixed(1)} s + indexes/FTS ${(gen.indexMs / 1000).toFixed(1)} s)`,
    value: summarise([genS]),
    unit: 's',
    target: users >= 1_000_000 ? 60 : undefined,
    note: gen.reused ? '(reused: time recorded when generated)' : `(cpu ${((genCpu.user + genCpu.system) / 1e6).toFixed(1)} s)`,
  });

  const audit = await ensureAuditData({ dataDir, entries: auditEntries, seed, log });
  rows.push({
    group: 'data',
    what: `generate ${auditEntries.toLocaleString('en')} chained audit entries`,
    value: summarise([audit.ms / 1000]),
    unit: 's',
    note: audit.reused ? '(reused: time recorded when generated)' : '',
  });

  // Work on a copy: the bench signs in and edits people, and the generated data must stay as generated.
  const work = path.join(root, 'bench', 'data', `run-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  for (const file of [DATABASE_FILE, AUDIT_HEAD_FILE]) fs.copyFileSync(path.join(dataDir, file), path.join(work, file));
  try {
    if (only.has('people')) await benchCore(work, runs, rows, log);
    if (only.has('backups')) await benchBackups(work, runs, rows, log);
    if (only.has('browser')) await benchBrowserMode(work, runs, rows, log);
    if (only.has('activity')) await benchActivity(work, runs, rows, log);
    if (only.has('csv')) await benchPeopleCsv(work, users, rows, log);
    if (only.has('bulk')) await benchBulk(work, users, rows, log);
    if (only.has('hygiene')) await benchHygiene(work, runs, rows, log); // late: it gives people states the others do not expect
    if (only.has('resend')) await benchResend(work, rows, log); // last: it makes everyone active invited
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  printTable(rows, (s) => process.stdout.write(`${s}\n`));
  const failed = rows.filter((r) => verdict(r) === 'FAIL').length;
  const name = only.size === SECTIONS.length ? String(users) : `${users}-${[...only].sort().join('-')}`;
  const sqlite = new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get() as string; // the SQLite every section used
  const file = writeResults(root, name, { users, seed, auditEntries, generation: gen, auditGeneration: audit, rows }, { sqlite });
  process.stdout.write(`\n${failed ? `${failed} target(s) missed` : 'every target met'}. Results: ${path.relative(root, file)}\n`);
}

async function benchCore(dataDir: string, runs: number, rows: Row[], log: (s: string) => void): Promise<void> {
  const roster = await createRoster({ dataDir }); // bcrypt cost 12, as in the app
  const db = roster.db;
  const slot = new MemorySessionSlot();
  const call = async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const r = await roster.dispatch(method, input, slot);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as MethodOutput<K>;
  };
  try {
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }); // the admin session the list calls use
    log('bench: pages');
    for (const sort of SORT_KEYS) {
      for (const tab of TABS) await benchPages(db, call, runs, rows, sort, tab);
    }

    // Sign-in: bcrypt runs in the worker; the main loop must keep turning meanwhile. Measured once the process
    // is warm (after the page runs): right after start-up V8 does one ~12 ms mark-compact of start-up garbage,
    // which lands in whatever runs then. That one-off pause is reported in the note as the max over every run.
    log('bench: sign-in');
    const stalls: number[] = [];
    const signIn = await timeIt(runs, async () => {
      const h = monitorEventLoopDelay({ resolution: 1 });
      h.enable();
      await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
      h.disable();
      stalls.push(h.max / 1e6);
    });
    rows.push({ group: 'sign-in', what: 'signIn (bcrypt cost 12 in the worker)', value: signIn, unit: 'ms' });
    rows.push({
      group: 'sign-in',
      what: 'longest event-loop stall during it',
      value: summarise(stalls.slice(1)),
      unit: 'ms',
      target: 5,
      note: `(max incl. warm-up ${Math.max(...stalls).toFixed(2)} ms)`,
    });

    log('bench: counts and search');
    const counts = await timeIt(runs, () => call('tabCounts', {}));
    const countFloor = await timeIt(3, () => db.prepare('SELECT is_active, COUNT(*) FROM users GROUP BY is_active').all(), false);
    rows.push({ group: 'counts', what: 'tabCounts', value: counts, unit: 'ms', floor: countFloor, floorLabel: '(COUNT(*))', target: 1 });
    for (const { label, term, serverTarget } of searchTerms(db)) await benchSearch(db, call, runs, rows, label, term, serverTarget);

    log('bench: writes');
    await benchWrites(db, call, runs, rows);
  } finally {
    await roster.close();
  }
}

type Call = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodOutput<K>>;

async function benchPages(db: import('better-sqlite3').Database, call: Call, runs: number, rows: Row[], sort: keyof typeof SORTS, tab: (typeof TABS)[number]) {
  const spec = SORTS[sort];
  const base = { tab, sort, pageSize: 50 as const };
  const cols = spec.bare.join(', ');
  const asc = spec.columns.map((c) => `${c} ASC`).join(', ');
  const desc = spec.columns.map((c) => `${c} DESC`).join(', ');
  const act = tab === 'active' ? 1 : 0;
  const first = await call('listPeople', { ...base, page: { kind: 'first' } });
  const second = await call('listPeople', { ...base, page: { kind: 'after', cursor: first.endCursor!, pageIndex: 0 } });
  const { [tab]: inTab } = await call('tabCounts', {});
  const middle = Math.floor(inTab / 50 / 2);
  const sql = (s: string) => db.prepare(`SELECT * FROM users WHERE is_active = ${act} ${s}`);
  const after = sql(`AND (${cols}) > (${spec.params.join(', ')}) ORDER BY ${asc} LIMIT 51`);
  const before = sql(`AND (${cols}) < (${spec.params.join(', ')}) ORDER BY ${desc} LIMIT 51`);
  const cases: [string, MethodInput<'listPeople'>['page'], () => unknown, number][] = [
    ['first', { kind: 'first' }, () => sql(`ORDER BY ${asc} LIMIT 51`).all(), 2],
    ['next', { kind: 'after', cursor: first.endCursor!, pageIndex: 0 }, () => after.all(...decodeCursor(first.endCursor!, sort)), 2],
    ['previous', { kind: 'before', cursor: second.startCursor!, pageIndex: 1 }, () => before.all(...decodeCursor(second.startCursor!, sort)), 2],
    ['last', { kind: 'last' }, () => sql(`ORDER BY ${desc} LIMIT 50`).all(), 2],
    [`jump to page ${middle + 1}`, { kind: 'index', index: middle }, () => sql(`ORDER BY ${asc} LIMIT 51 OFFSET ${middle * 50}`).all(), 50],
  ];
  for (const [what, page, floor, target] of cases) {
    const value = await timeIt(runs, () => call('listPeople', { ...base, page }));
    rows.push({ group: `page ${sort}/${tab}`, what, value, unit: 'ms', floor: await timeIt(runs, floor), target });
  }
}

async function benchSearch(db: import('better-sqlite3').Database, call: Call, runs: number, rows: Row[], label: string, term: string, target: number) {
  const p = like(term);
  const matches = db.prepare(`SELECT COUNT(*) FROM users WHERE is_active = 1 AND ${LIKE}`).pluck().get(p, p, p) as number;
  const value = await timeIt(runs, () => call('listPeople', { tab: 'active', query: term, sort: 'name', pageSize: 50 }));
  const naive = db.prepare(`SELECT * FROM users WHERE is_active = 1 AND ${LIKE} ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT 51`);
  const floor = await timeIt(3, () => naive.all(p, p, p), false);
  const what = `"${term}" first page (${matches.toLocaleString('en')} matches)`;
  rows.push({ group: `search ${label}`, what, value, unit: 'ms', floor, floorLabel: '(naive LIKE)', target });
  const count = await timeIt(Math.min(runs, 5), () => call('countPeople', { tab: 'active', query: term }));
  const countFloor = await timeIt(3, () => db.prepare(`SELECT COUNT(*) FROM users WHERE is_active = 1 AND ${LIKE}`).get(p, p, p), false);
  rows.push({ group: `search ${label}`, what: `"${term}" total count`, value: count, unit: 'ms', floor: countFloor, floorLabel: '(naive LIKE)', target: 300 });
}

async function benchWrites(db: import('better-sqlite3').Database, call: Call, runs: number, rows: Row[]) {
  const people = db
    .prepare<[], { id: number; first_name: string; last_name: string; email: string }>(
      "SELECT id, first_name, last_name, email FROM users WHERE is_active = 1 AND role = 'user' AND password_hash IS NOT NULL AND id > 1000 LIMIT 200",
    )
    .all();
  let next = 0;
  const take = () => people[next++]!;
  const touch = db.prepare('UPDATE users SET updated_at = updated_at + 1 WHERE id = ?');
  const floor = await timeIt(runs, () => touch.run(take().id));
  const edit = await timeIt(runs, () => {
    const p = take();
    return call('editPerson', { id: p.id, firstName: `${p.first_name}x`, lastName: p.last_name, email: p.email });
  });
  rows.push({ group: 'write', what: 'editPerson (name: indexes, FTS, audit)', value: edit, unit: 'ms', floor, floorLabel: '(bare UPDATE)', target: 2 });
  const role = await timeIt(runs, () => call('setRole', { id: take().id, role: 'admin', expectedRole: 'user' }));
  rows.push({ group: 'write', what: 'setRole', value: role, unit: 'ms', floor, floorLabel: '(bare UPDATE)', target: 2 });
  const deactivate = await timeIt(runs, () => call('deactivatePerson', { id: take().id }));
  rows.push({ group: 'write', what: 'deactivatePerson (counts kept)', value: deactivate, unit: 'ms', floor, floorLabel: '(bare UPDATE)', target: 2 });
}

async function benchBrowserMode(dataDir: string, runs: number, rows: Row[], log: (s: string) => void) {
  if (!fs.existsSync(path.join(root, 'dist/main/web.mjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm run bench does).');
  log('bench: browser mode');
  const starts: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await startBrowserMode(root, dataDir);
    try {
      starts.push(s.startMs);
      if (i < 3) rss.push(await rssAfterFirstPage(s, BENCH_ADMIN.email, BENCH_ADMIN.password));
    } finally {
      await stop(s.child);
    }
  }
  rows.push({ group: 'browser mode', what: 'start to the "Roster is running at" line', value: summarise(starts), unit: 'ms', target: 500 });
  rows.push({ group: 'browser mode', what: 'main-process RSS after the first People page', value: summarise(rss), unit: 'MB', target: 120 });
}
