// `npm run start:web` as a process: its one line, its clear refusals, fresh links on Enter, a clean stop on Ctrl-C,
// and no request that can end it. Runs the built dist/main/web.mjs (npm test builds first).
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = path.join(ROOT, 'dist/main/web.mjs');

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Starts browser mode (or, with `command`, whatever launches it) with a terminal-like stdin the test can type into. */
function startWeb(args: string[], command: string[] = [ENTRY], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [...command, '--no-open', '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const run: Run = { stdout: '', stderr: '', code: null };
  child.stdout.on('data', (d) => (run.stdout += String(d)));
  child.stderr.on('data', (d) => (run.stderr += String(d)));
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
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=/);
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

  it('Trust 2: a malformed cookie (or any request) cannot end the process', async () => {
    const web = startWeb(['--data-dir', tempDir()]);
    const { port } = new URL(await web.ready);
    for (const path of ['/', '/index.html', '/preload-web.js', '/?token=x', '/?launch=x', '/api/getStatus', '/bridge/claim', '/%E0%A4%A']) {
      for (const method of ['GET', 'POST']) {
        const answer = await rawRequest(Number(port), `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nCookie: x=%E0%A4%A; roster_bridge=%; roster_session=%ZZ\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
        expect(answer, `${method} ${path}`).toMatch(/^HTTP\/1\.1 \d{3} /);
      }
    }
    expect(await rawRequest(Number(port), `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200 /);
    expect(web.child.exitCode).toBeNull();
    web.child.kill('SIGINT');
    expect((await web.exited).code).toBe(0);
  });

  it('Trust 3: pressing Enter in the terminal prints a fresh one-time link, which works', async () => {
    const web = startWeb(['--data-dir', tempDir()]);
    const first = await web.ready;
    const next = await typeEnter(web);
    expect(next).not.toBe(first);
    expect(new URL(next).origin).toBe(new URL(first).origin);
    const { port } = new URL(first);
    const load = (link: string) => rawRequest(Number(port), `GET ${new URL(link).pathname}${new URL(link).search} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(await load(next)).toMatch(/^HTTP\/1\.1 200 /);
    web.child.kill('SIGINT');
    const run = await web.exited;
    expect(run.stderr).toMatch(/press Enter for a new one/);
  });

  it('Trust 3: npm start passes the terminal through, so Enter gives a fresh link there too', async () => {
    // No Electron runtime: npm start falls back to browser mode, as on this machine.
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: path.join(tempDir(), 'no-electron') };
    const web = startWeb(['--data-dir', tempDir()], [path.join(ROOT, 'scripts/start.mjs')], env);
    const first = await web.ready;
    expect(await typeEnter(web)).not.toBe(first);
    web.child.kill('SIGINT');
    expect((await web.exited).code).toBe(0);
  });
});

/** Types Enter into the process's stdin and returns the link it prints for it. */
async function typeEnter(web: ReturnType<typeof startWeb>): Promise<string> {
  const printed = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no new link within 5 s of Enter')), 5000);
    const onData = (d: Buffer) => {
      const m = /^New one-time link: (\S+)$/m.exec(String(d));
      if (m) {
        clearTimeout(timer);
        web.child.stdout.off('data', onData);
        resolve(m[1]!);
      }
    };
    web.child.stdout.on('data', onData);
  });
  web.child.stdin.write('\n');
  return printed;
}

/** Sends bytes exactly as given (no client-side parsing or encoding) and returns what came back. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (d) => (answer += String(d)));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}
