// The backups section of the bench: "Back up now", verify and restore on the generated database, all through
// the dispatcher the UI calls. While the backup copies, People pages and a search keep being asked for and the
// event loop is watched: the copy runs on a worker thread, so neither may stall.
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract.ts';
import { MemorySessionSlot } from '../../main/core/api/session-slot.ts';
import { createRoster, type Roster } from '../../main/core/roster.ts';
import { summarise, type Row } from './measure.ts';
import { BENCH_ADMIN } from './people-database.ts';

export type Call = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodOutput<K>>;

/** Calls through the dispatcher as one window would, failing loudly on an error answer. */
export function caller(roster: Roster): Call {
  const slot = new MemorySessionSlot();
  return async (method, input) => {
    const r = await roster.dispatch(method, input, slot);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as never;
  };
}

const COPY_PHASES = new Set(['Starting', 'Copying the database']);

/** The People calls made while a backup copies (and, for comparison, without one): a page, the next, a search. */
async function peopleCall(call: Call, k: number, endCursor: string, pages: number[], searches: number[]): Promise<void> {
  const t = performance.now();
  if (k % 3 === 2) {
    await call('listPeople', { tab: 'active', query: 'Kowalski', sort: 'name', pageSize: 50 });
    searches.push(performance.now() - t);
  } else {
    await call('listPeople', { tab: 'active', sort: 'name', pageSize: 50, page: k % 3 ? { kind: 'after', cursor: endCursor, pageIndex: 0 } : { kind: 'first' } });
    pages.push(performance.now() - t);
  }
}

export async function benchBackups(dataDir: string, runs: number, rows: Row[], log: (s: string) => void): Promise<void> {
  const roster = await createRoster({ dataDir }); // bcrypt cost 12, as in the app
  const call = caller(roster);
  const n = Math.min(runs, 3); // each run writes and checks a full copy: at 1M people, ~0.4 GB and tens of seconds
  const copies: number[] = [];
  const checks: number[] = [];
  const stalls: number[] = [];
  const pages: number[] = [];
  const searches: number[] = [];
  const files: string[] = [];
  try {
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    for (let i = 0; i < n; i++) {
      log(`bench: backup ${i + 1}/${n}`);
      const h = monitorEventLoopDelay({ resolution: 1 });
      const started = performance.now();
      let copiedAt = 0;
      let done = false as boolean; // set by the backup's finally, which the checker cannot see
      h.enable();
      const backup = call('backUpNow', {}).finally(() => (done = true));
      // People keeps being used while the copy runs: a first page, the next one, and a search, in turn.
      const first = await call('listPeople', { tab: 'active', sort: 'name', pageSize: 50 });
      for (let k = 0; !done; k++) {
        const progress = await call('backupProgress', {});
        if (!copiedAt && progress && !COPY_PHASES.has(progress.phase)) {
          copiedAt = performance.now();
          h.disable();
        }
        await peopleCall(call, k, first.endCursor!, copiedAt ? [] : pages, copiedAt ? [] : searches);
        await new Promise((r) => setTimeout(r, 5));
      }
      const entry = await backup;
      h.disable();
      const end = performance.now();
      copiedAt ||= end;
      copies.push((copiedAt - started) / 1000);
      checks.push((end - copiedAt) / 1000);
      stalls.push(h.max / 1e6);
      files.push(entry.path);
      if (entry.integrity !== 'ok') throw new Error(`the bench backup failed its check: ${entry.integrityDetail}`);
    }
    // The same People calls for as long as a copy took, without a backup: what the machine itself adds (a shared,
    // loaded machine deschedules the process now and then, and that shows up as a stall too).
    const quiet: number[] = [];
    const quietPages: number[] = [];
    const quietSearches: number[] = [];
    const first = await call('listPeople', { tab: 'active', sort: 'name', pageSize: 50 });
    for (const seconds of copies) {
      const h = monitorEventLoopDelay({ resolution: 1 });
      h.enable();
      const until = performance.now() + seconds * 1000;
      for (let k = 0; performance.now() < until; k++) {
        await peopleCall(call, k, first.endCursor!, quietPages, quietSearches);
        await new Promise((r) => setTimeout(r, 5));
      }
      h.disable();
      quiet.push(h.max / 1e6);
    }
    const noBackup = '(same calls, no backup)';
    const size = fs.statSync(files[0]!).size;
    rows.push({ group: 'backup', what: `Back up now: copy (${(size / 1e6).toFixed(0)} MB, online backup on a worker thread)`, value: summarise(copies), unit: 's', target: 10 });
    rows.push({
      group: 'backup',
      what: 'longest event-loop stall while copying',
      value: summarise(stalls),
      unit: 'ms',
      target: 50,
      floor: summarise(quiet),
      floorLabel: noBackup,
    });
    const maxNote = (during: number[], without: number[]) =>
      `(max ${Math.max(...during).toFixed(1)} ms over ${during.length}; without a backup ${Math.max(...without).toFixed(1)} ms)`;
    rows.push({ group: 'backup', what: 'People page (first/next) while copying', value: summarise(pages), unit: 'ms', target: 2, floor: summarise(quietPages), floorLabel: noBackup, note: maxNote(pages, quietPages) });
    rows.push({ group: 'backup', what: '"Kowalski" search while copying', value: summarise(searches), unit: 'ms', target: 10, floor: summarise(quietSearches), floorLabel: noBackup, note: maxNote(searches, quietSearches) });
    rows.push({ group: 'backup', what: 'Back up now: integrity check of the copy (worker thread)', value: summarise(checks), unit: 's' });

    log('bench: verify');
    const verifies: number[] = [];
    for (const file of files) {
      const t = performance.now();
      await call('verifyBackup', { path: file });
      verifies.push((performance.now() - t) / 1000);
    }
    const quick = new Database(files[0], { readonly: true });
    const tq = performance.now();
    quick.pragma('quick_check');
    const quickS = (performance.now() - tq) / 1000;
    quick.close();
    rows.push({
      group: 'backup',
      what: 'verifyBackup (integrity check of the copy: two halves, one per core)',
      value: summarise(verifies),
      unit: 's',
      target: 10,
      floor: summarise([quickS]),
      floorLabel: '(quick_check)',
    });

    log('bench: restore');
    const checksBeforeRestore: number[] = [];
    const swaps: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const preview = await call('inspectBackup', { path: files[i]! });
      const checked = performance.now();
      await call('restoreBackup', { token: preview.token, confirm: 'RESTORE' });
      const restored = performance.now();
      checksBeforeRestore.push((checked - t) / 1000);
      swaps.push((restored - checked) / 1000);
      // Every session ended: sign in again for the next round, and drop the copy the restore saved.
      await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
      const saved = (await call('getBackups', {})).backups.filter((b) => b.kind === 'before-restore');
      for (const b of saved) fs.rmSync(b.path, { force: true });
    }
    const totals = checksBeforeRestore.map((c, i) => c + swaps[i]!);
    rows.push({ group: 'restore', what: 'inspectBackup: copy beside the database + integrity check', value: summarise(checksBeforeRestore), unit: 's' });
    rows.push({ group: 'restore', what: 'restoreBackup after RESTORE: prepare, swap, reopen', value: summarise(swaps), unit: 's' });
    rows.push({ group: 'restore', what: 'restore, from choosing the backup to signed out', value: summarise(totals), unit: 's', target: 15 });
  } finally {
    await roster.close();
    fs.rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
  }
}
