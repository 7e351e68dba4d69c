// `npm run start:web` as a process: its one line, its clear refusals, and a clean stop on Ctrl-C.
// Runs the built dist/main/web.mjs (npm test builds first).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../harness.ts';

const ENTRY = path.resolve(import.meta.dirname, '../../../dist/main/web.mjs');

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function startWeb(args: string[]) {
  const child = spawn(process.execPath, [ENTRY, '--no-open', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { stdout: '', stderr: '', code: null };
  child.stdout.on('data', (d) => (run.stdout += d));
  child.stderr.on('data', (d) => (run.stderr += d));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ ...run, code })));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /^Roster is running at (\S+)\n/m.exec(run.stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then((r) => reject(new Error(`exited ${r.code}: ${r.stderr}`)));
  });
  ready.catch(() => {}); // tests that expect a refusal await `exited` instead
  return { child, ready, exited };
}

describe('browser mode as a process', () => {
  beforeAll(() => {
    if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first (npm test does).`);
  });

  it('prints exactly one line with the URL, and stops cleanly on Ctrl-C (database checkpointed, lock released)', async () => {
    const dir = tempDir();
    const web = startWeb(['--data-dir', dir]);
    const url = await web.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(fs.existsSync(path.join(dir, 'roster.lock'))).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'roster.db')).mode & 0o777).toBe(0o600);
    web.child.kill('SIGINT');
    const run = await web.exited;
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([`Roster is running at ${url}`]);
    expect(fs.existsSync(path.join(dir, 'roster.lock'))).toBe(false);
    const wal = path.join(dir, 'roster.db-wal');
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
  });

  it('refuses a data folder holding a non-SQLite roster.db, leaving it untouched, without a stack trace', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'roster.db'), 'my spreadsheet, not a database');
    const run = await startWeb(['--data-dir', dir]).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Roster could not start: .*not a Roster database/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(dir, 'roster.db'), 'utf8')).toBe('my spreadsheet, not a database');
  });

  it('refuses an unusable data folder with a clear message', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const run = await startWeb(['--data-dir', path.join(file, 'Roster')]).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Roster could not start: Roster cannot use the data folder/);
  });

  it('refuses a second instance on the same data folder', async () => {
    const dir = tempDir();
    const first = startWeb(['--data-dir', dir]);
    await first.ready;
    const second = await startWeb(['--data-dir', dir]).exited;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already running with this data folder/);
    first.child.kill('SIGINT');
    expect((await first.exited).code).toBe(0);
  });

  it('explains bad arguments', async () => {
    const run = await startWeb(['--port', 'eighty']).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--port must be a number/);
  });
});
