// Browser mode as a user starts it: time from spawning `node dist/main/web.mjs` to its URL line, the main
// process's resident memory once it has served the first People page, and opening it in a browser page.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export interface Started {
  child: ChildProcess;
  url: URL;
  startMs: number;
}

export function startBrowserMode(root: string, dataDir: string): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/main/web.mjs'), '--port', '0', '--data-dir', dataDir, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      const m = /Roster is running at (\S+)/.exec(out);
      if (m) resolve({ child, url: new URL(m[1]!), startMs: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
  });
}

/**
 * Opens the app in `page` the way the admin does, from the launch link Roster printed. The one place the UI bench
 * depends on how browser mode admits a browser (the same steps as the e2e fixture's open()).
 */
export async function openApp(page: Page, s: Started): Promise<void> {
  await page.goto(s.url.href);
  await page.locator('#root').filter({ has: page.locator('*') }).waitFor();
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

/** Signs in over the HTTP bridge, fetches the first People page, and returns VmRSS in MB. */
export async function rssAfterFirstPage(s: Started, email: string, password: string): Promise<number> {
  const origin = s.url.origin;
  // What the page's preload does: trade the one-time link for this tab's key, then send it with every call.
  const claimed = await fetch(new URL('/bridge/claim', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ ticket: s.url.searchParams.get('launch') }),
  });
  const { key } = (await claimed.json()) as { key: string };
  const call = async (method: string, payload: unknown) => {
    const res = await fetch(new URL(`/api/${method}`, origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-roster-key': key },
      body: JSON.stringify(payload),
    });
    const body = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!body.ok) throw new Error(`${method} over the bridge failed: ${body.error?.message}`);
    return body;
  };
  await call('signIn', { email, password });
  await call('tabCounts', {});
  await call('listPeople', { tab: 'active', pageSize: 50 });
  const status = fs.readFileSync(`/proc/${s.child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]);
  return kb / 1024;
}
