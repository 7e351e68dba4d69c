// An import killed in the middle of its one transaction (SIGKILL: no cleanup, no rollback by Roster) leaves the
// database exactly as it was before the import, and whole (PRAGMA integrity_check ok), on the next start.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeImportCsv } from '../../../scripts/bench/import-file.ts';
import { WORKER_BUILD, WORKER_BUNDLES } from '../../../main/core/worker-code.ts';
import { DATABASE_FILE } from '../../../main/core/data-dir.ts';
import { createRoster } from '../../../main/core/roster.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster, tempDir } from '../harness.ts';
import { addPerson } from '../people/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// The driver's own folder, with the worker bundle beside it as in dist/main.
const FOLDER = path.join(ROOT, 'node_modules', '.cache', 'roster-test', `import-kill-${process.pid}`);
const DRIVER = path.join(FOLDER, 'import-kill-driver.mjs');
const ROWS = 100_000;

beforeAll(async () => {
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' } as const;
  await esbuild.build({ ...common, entryPoints: [path.join(import.meta.dirname, 'import-kill-driver.ts')], outfile: DRIVER, format: 'esm', packages: 'external' });
  await esbuild.build({ ...WORKER_BUILD, entryPoints: [path.join(ROOT, 'main/core/people-csv/import-worker.ts')], outfile: path.join(FOLDER, WORKER_BUNDLES.import) });
  return () => fs.rmSync(FOLDER, { recursive: true, force: true });
});

/** Every table an import writes, whole, in a stable order. */
function contents(db: import('better-sqlite3').Database): string {
  return JSON.stringify(
    ['users', 'one_time_codes', 'audit_log', 'user_tab_counts'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all()),
    (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v),
  );
}

/**
 * Runs the driver; `ready` is called once it has signed in (its sign-in is written) and before it imports, to read
 * the database "as before the import"; then the driver goes on.
 */
function runDriver(dataDir: string, csv: string, kill: boolean, ready: () => void): Promise<{ signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DRIVER, dataDir, csv, ADMIN.email, GOOD_PASSWORD], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let released = false;
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (!released && output.includes('ready')) {
        released = true;
        ready();
        child.stdin.write('go\n');
      }
      if (kill && output.includes('writing')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (_code, signal) => resolve({ signal, output }));
  });
}

async function prepared(rows = ROWS) {
  const dataDir = tempDir();
  const t = await startTestRoster({ dataDir });
  const admin = await t.admin();
  await addPerson(admin, 'Grace');
  await t.roster.close();
  const csv = path.join(tempDir(), 'people.csv');
  writeImportCsv(csv, rows);
  return { dataDir, csv };
}

/** The database as it is now, read beside the running driver (WAL: a reader sees the last commit). */
function readNow(dataDir: string): { contents: string; people: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return { contents: contents(db), people: db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number };
  } finally {
    db.close();
  }
}

async function afterRestart(dataDir: string): Promise<{ integrity: unknown; contents: string; people: number }> {
  const roster = await createRoster({ dataDir, bcryptCost: 4, logError: () => {} });
  try {
    return { integrity: roster.db.pragma('integrity_check', { simple: true }), contents: contents(roster.db), people: roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number };
  } finally {
    await roster.close();
  }
}

describe('an import killed part-way', () => {
  it(`killed while writing ${ROWS.toLocaleString('en')} rows, the database is exactly as before and intact`, async () => {
    const { dataDir, csv } = await prepared();
    let before = { contents: '', people: -1 };
    const run = await runDriver(dataDir, csv, true, () => (before = readNow(dataDir)));
    expect(run.signal).toBe('SIGKILL');
    expect(run.output).toMatch(/writing \d+/);
    expect(run.output).not.toContain('finished');
    const after = await afterRestart(dataDir);
    expect(after.integrity).toBe('ok');
    expect(after.people).toBe(before.people);
    expect(after.contents).toBe(before.contents);
  }, 120_000);

  it('not killed, the same driver adds every row (the driver itself works)', async () => {
    const { dataDir, csv } = await prepared(5000);
    let before = { contents: '', people: -1 };
    const run = await runDriver(dataDir, csv, false, () => (before = readNow(dataDir)));
    expect(run.output).toContain('finished done 5000');
    const after = await afterRestart(dataDir);
    expect(after.integrity).toBe('ok');
    expect(after.people).toBe(before.people + 5000);
  }, 120_000);
});
