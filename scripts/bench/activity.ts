// The Activity section of the bench: pages, filters and counts of the generated audit log through the dispatcher
// the UI calls, beside the plain SQL floor; an export of a million entries through the desktop adapter's writer
// (memory sampled while it runs); and a check of the whole hash chain. The machine may be shared: the CPU time
// each long run used is noted beside its wall time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportOutcome, ListActivityInput } from '../../common/activity.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract.ts';
import { MemorySessionSlot } from '../../main/core/api/session-slot.ts';
import { createRoster } from '../../main/core/roster.ts';
import { saveDialogDelivery } from '../../main/electron/save-file.ts';
import { summarise, timeIt, type Row } from './measure.ts';
import { BENCH_ADMIN } from './people-database.ts';

type Call = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodOutput<K>>;
const DAY = 86_400_000;

export async function benchActivity(dataDir: string, runs: number, rows: Row[], log: (s: string) => void): Promise<void> {
  const exportPath = path.join(dataDir, 'bench-activity-export.csv');
  // The Electron adapter with its dialog answered at once: what is timed is main writing the file.
  const dialog = { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: exportPath }) };
  const roster = await createRoster({ dataDir, fileDelivery: saveDialogDelivery(dialog, () => null, () => os.tmpdir()) });
  const db = roster.db;
  const slot = new MemorySessionSlot();
  const call: Call = async (method, input) => {
    const r = await roster.dispatch(method, input, slot);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as never;
  };
  try {
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const total = db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    const newest = db.prepare('SELECT MAX(at) FROM audit_log').pluck().get() as number;
    // A typical person: the one concerned by the newest sign-in, with the handful of entries most people have.
    const typical = db.prepare("SELECT target_id FROM audit_log WHERE action = 'sign_in' AND target_id <> 1 ORDER BY id DESC LIMIT 1").pluck().get() as number;
    const heavy = 1; // the bench admin: a tenth of all admin work, the person filter's worst case
    const group = `activity (${total.toLocaleString('en')} entries)`;

    log('bench: activity pages');
    const base: ListActivityInput = { pageSize: 50 };
    const first = await call('listActivity', base);
    const second = await call('listActivity', { ...base, page: { kind: 'after', cursor: first.endCursor!, pageIndex: 0 } });
    const floorFirst = db.prepare('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT 51');
    const page = async (what: string, input: ListActivityInput, target: number, floor?: () => unknown) =>
      rows.push({ group, what, value: await timeIt(runs, () => call('listActivity', input)), unit: 'ms', target, floor: floor && (await timeIt(runs, floor)) });
    await page('first page (50)', base, 5, () => floorFirst.all());
    await page('next page', { ...base, page: { kind: 'after', cursor: first.endCursor!, pageIndex: 0 } }, 5);
    await page('previous page', { ...base, page: { kind: 'before', cursor: second.startCursor!, pageIndex: 1 } }, 5);
    await page(`one person (typical, id ${typical})`, { ...base, personId: typical }, 10);
    await page('one person (the bench admin: most entries)', { ...base, personId: heavy }, 10);
    const heavyFirst = await call('listActivity', { ...base, personId: heavy });
    await page('the bench admin, next page', { ...base, personId: heavy, page: { kind: 'after', cursor: heavyFirst.endCursor!, pageIndex: 0 } }, 10);
    const roles30 = { kinds: ['roles' as const], from: newest - 30 * DAY, to: null };
    const people7 = { kinds: ['people' as const, 'passwords' as const], from: newest - 7 * DAY, to: newest - 2 * DAY };
    await page('kind + date range (roles, last 30 days)', { ...base, ...roles30 }, 10);
    await page('kinds + date range (people, passwords; a 5-day window)', { ...base, ...people7 }, 10);
    await page('last page (counts first)', { ...base, page: { kind: 'last' } }, 300);

    log('bench: activity counts');
    const count = async (what: string, input: MethodInput<'countActivity'>) =>
      rows.push({ group, what: `count: ${what}`, value: await timeIt(Math.min(runs, 5), () => call('countActivity', input)), unit: 'ms', target: 300 });
    await count('everything', {});
    await count('the bench admin', { personId: heavy });
    await count('roles, last 30 days', roles30);
    await count('sign-ins', { kinds: ['signIns'] });

    log('bench: activity export');
    // Half the log, newest first: the entries since the middle one.
    const middle = db.prepare('SELECT at FROM audit_log WHERE id = ?').pluck().get(Math.ceil(total / 2)) as number;
    await call('exportActivity', { from: newest - DAY }); // warm-up: a day's entries (too few for the workers)
    // Up to three exports: the first in this process also grows what stays allocated for the workers' threads
    // afterwards (malloc's per-thread arenas), so each run is listed, the first one named.
    const exports: Awaited<ReturnType<typeof sampledRss<ExportOutcome>>>[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) exports.push(await sampledRss(() => call('exportActivity', { from: middle })));
    const outcome = exports[0]!.result;
    if (outcome.kind !== 'saved') throw new Error(`export: ${outcome.kind}`);
    const size = fs.statSync(exportPath).size;
    const each = (f: (e: (typeof exports)[number]) => string) => exports.map(f).join(', ');
    rows.push({ group, what: `export ${outcome.rows.toLocaleString('en')} entries as CSV (${(size / 1e6).toFixed(0)} MB)`, value: summarise(exports.map((e) => e.ms / 1000)), unit: 's', target: 15, note: `(each: ${each((e) => `${(e.ms / 1000).toFixed(1)} s, cpu ${e.cpuS.toFixed(1)} s`)})` });
    rows.push({ group, what: 'export: RSS growth while writing', value: summarise(exports.map((e) => e.growthMb)), unit: 'MB', target: 50, note: `(each, the first export in the process first: ${each((e) => `${e.beforeMb.toFixed(0)} → peak ${e.peakMb.toFixed(0)} MB`)})` });
    fs.rmSync(exportPath, { force: true });

    log('bench: activity chain check');
    const checks: number[] = [];
    const cpus: number[] = [];
    let verdict = '';
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const v = await call('verifyActivityLog', { recheck: true });
      checks.push((performance.now() - t) / 1000);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1e6);
      verdict = v.ok ? `intact, ${v.entries.toLocaleString('en')} entries, head record matches` : `NOT OK: ${JSON.stringify(v.brokenAt ?? v.anchor)}`;
    }
    rows.push({ group, what: 'verify the whole hash chain', value: summarise(checks), unit: 's', target: 10, note: `(cpu ${summarise(cpus).median.toFixed(1)} s; ${verdict})` });
  } finally {
    await roster.close();
  }
}

/** Runs `f`, sampling the process's RSS every 20 ms (the export yields between chunks, so the timer gets turns). */
async function sampledRss<T>(f: () => Promise<T>): Promise<{ result: T; ms: number; cpuS: number; beforeMb: number; peakMb: number; growthMb: number }> {
  const mb = () => process.memoryUsage().rss / 1e6;
  const beforeMb = mb();
  let peakMb = beforeMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, mb())), 20);
  const t = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await f();
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    peakMb = Math.max(peakMb, mb());
    return { result, ms, cpuS: (used.user + used.system) / 1e6, beforeMb, peakMb, growthMb: peakMb - beforeMb };
  } finally {
    clearInterval(timer);
  }
}
