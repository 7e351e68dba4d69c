// A fixture that starts browser mode on a fresh data folder for each test and opens it in the page. Each page
// is opened with its own one-time link, got the way an admin gets one: Enter in Roster's terminal (stdin here).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface RosterApp {
  /** The one-time link Roster printed when it started. */
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** A fresh one-time link, as pressing Enter in Roster's terminal prints. */
  newLink(): Promise<string>;
  /** Opens Roster in `page` with a one-time link (the printed one first, while fresh) and waits for the app. */
  open(page: Page): Promise<void>;
}

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The printed link is used by the first open() only while well inside its 2 minutes. */
const FRESH_ENOUGH_MS = 60_000;

export async function startRoster(dataDir: string, extraArgs: string[] = []): Promise<RosterApp> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main/web.mjs'), '--port', '0', '--data-dir', dataDir, '--no-open', ...extraArgs], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  // Every link line Roster prints, in order; newLink() waits for the next one after its Enter.
  const links: string[] = [];
  const waiting: ((link: string) => void)[] = [];
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
    let newline;
    while ((newline = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, newline);
      out = out.slice(newline + 1);
      const m = /^(?:Roster is running at|New one-time link:) (\S+)$/.exec(line);
      if (m) (waiting.shift() ?? ((link: string) => links.push(link)))(m[1]!);
    }
  });
  const nextLink = () => new Promise<string>((resolve) => (links.length ? resolve(links.shift()!) : waiting.push(resolve)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Roster did not start: ${stderr}`)), 15_000);
    child.on('exit', (code) => reject(new Error(`Roster exited with ${code}: ${stderr}`)));
    void nextLink().then((link) => {
      clearTimeout(timer);
      resolve(link);
    });
  });
  let printedLinkUnused = true;
  const newLink = () => {
    const link = nextLink();
    child.stdin.write('\n');
    return link;
  };
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    newLink,
    async open(page) {
      const usePrinted = printedLinkUnused && Date.now() - started < FRESH_ENOUGH_MS;
      printedLinkUnused = false;
      await page.goto(usePrinted ? url : await newLink());
      await expect(page.locator('#root')).not.toBeEmpty();
    },
  };
}

export function stopRoster(app: RosterApp): Promise<void> {
  return new Promise((resolve) => {
    if (app.process.exitCode !== null) { resolve(); return; }
    app.process.once('exit', () => resolve());
    app.process.kill('SIGINT');
  });
}

export const test = base.extend<{ roster: RosterApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a function uses from this pattern
  roster: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-e2e-'));
    const app = await startRoster(dataDir);
    await use(app);
    await stopRoster(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
