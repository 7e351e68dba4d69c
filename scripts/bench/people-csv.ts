// The CSV section of the bench: People → Export CSV of the whole Active tab (every generated person) with the
// process's memory watched, and Import CSV of a generated 100,000-row file into a fresh data folder: the preview,
// then the one-transaction import, with main's event loop watched throughout (the work is on a worker thread).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FileDelivery } from '../../main/core/exports/file-delivery.ts';
import { ImportFiles } from '../../main/core/people-csv/import-files.ts';
import { createRoster } from '../../main/core/roster.ts';
import { writeExport } from '../../main/electron/save-file.ts';
import { caller } from './backups.ts';
import { writeImportCsv } from './import-file.ts';
import { summarise, type Row } from './measure.ts';
import { BENCH_ADMIN } from './people-database.ts';

/** The save dialog's delivery without the dialog: main writes the file where the bench says. */
function fileDelivery(target: string): FileDelivery {
  return { deliver: async (file) => ({ kind: 'saved', path: target, rows: await writeExport(file, target) }) };
}

const MB = 1024 * 1024;
export const IMPORT_ROWS = 100_000;

export async function benchPeopleCsv(dataDir: string, users: number, rows: Row[], log: (s: string) => void): Promise<void> {
  await benchExport(dataDir, users, rows, log);
  await benchImport(rows, log);
}

async function benchExport(dataDir: string, users: number, rows: Row[], log: (s: string) => void): Promise<void> {
  const target = path.join(dataDir, 'export.csv');
  const roster = await createRoster({ dataDir, fileDelivery: fileDelivery(target) });
  try {
    const call = caller(roster);
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const times: number[] = [];
    const growth: number[] = [];
    const stalls: number[] = [];
    let exported = 0;
    for (let run = 0; run < 3; run++) {
      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const start = performance.now();
      const outcome = await call('exportPeople', { tab: 'active', query: '', sort: 'name', direction: 'asc' });
      times.push(performance.now() - start);
      loop.disable();
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      growth.push((peak - before) / MB);
      stalls.push(loop.max / 1e6);
      if (outcome.kind === 'saved') exported = outcome.rows;
      log(`  export ${run + 1}: ${exported.toLocaleString('en')} rows, ${(fs.statSync(target).size / MB).toFixed(0)} MB file`);
    }
    const full = users >= 1_000_000;
    rows.push({ group: 'csv export', what: `exportPeople, whole Active tab (${exported.toLocaleString('en')} rows)`, value: summarise(times.map((t) => t / 1000)), unit: 's', target: full ? 10 : undefined });
    rows.push({ group: 'csv export', what: 'RSS growth during the export', value: summarise(growth), unit: 'MB', target: 50 });
    rows.push({ group: 'csv export', what: 'longest event-loop stall during the export', value: summarise(stalls), unit: 'ms' });
  } finally {
    fs.rmSync(target, { force: true });
    await roster.close();
  }
}

async function benchImport(rows: Row[], log: (s: string) => void): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-import-'));
  const files = new ImportFiles(dataDir);
  const roster = await createRoster({ dataDir, importFiles: files });
  try {
    const call = caller(roster);
    await call('createFirstAdmin', { firstName: BENCH_ADMIN.firstName, lastName: BENCH_ADMIN.lastName, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const csv = path.join(dataDir, 'people.csv');
    const bytes = writeImportCsv(csv, IMPORT_ROWS);
    log(`  import: ${IMPORT_ROWS.toLocaleString('en')} rows, ${(bytes / MB).toFixed(1)} MB`);
    const importId = files.add({ path: csv, name: 'people.csv', temporary: false });

    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    let start = performance.now();
    const preview = await call('previewImport', { importId });
    const previewMs = performance.now() - start;
    if (preview.counts.add !== IMPORT_ROWS) throw new Error(`the preview found ${preview.counts.add} rows to add`);
    const previewStall = loop.max / 1e6;
    loop.reset();

    start = performance.now();
    await call('confirmImport', { importId });
    const progress = new Set<number>();
    let status = await call('importStatus', { importId });
    while (status.phase === 'writing') {
      progress.add(status.written);
      await new Promise((r) => setTimeout(r, 50));
      status = await call('importStatus', { importId });
    }
    const importMs = performance.now() - start;
    loop.disable();
    if (status.phase !== 'done' || status.added !== IMPORT_ROWS) throw new Error(`the import ended ${status.phase}: ${status.error ?? `${status.added} added`}`);
    rows.push({ group: 'csv import', what: `previewImport, ${IMPORT_ROWS.toLocaleString('en')} rows (read, judge, existing addresses)`, value: summarise([previewMs / 1000]), unit: 's', target: 3 });
    rows.push({ group: 'csv import', what: `import ${IMPORT_ROWS.toLocaleString('en')} rows, confirm to done (one transaction)`, value: summarise([importMs / 1000]), unit: 's', target: 5 });
    rows.push({ group: 'csv import', what: 'longest event-loop stall in main, preview', value: summarise([previewStall]), unit: 'ms', target: 50 });
    rows.push({ group: 'csv import', what: 'longest event-loop stall in main, import', value: summarise([loop.max / 1e6]), unit: 'ms', target: 50 });
    rows.push({ group: 'csv import', what: 'progress values seen while writing (polled every 50 ms)', value: summarise([progress.size]), unit: 'times' });
  } finally {
    await roster.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
