// A fixture that starts browser mode on a fresh data folder for each test and opens it in the page.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface RosterApp {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** Opens the launch link in `page` (sets the bridge cookie) and waits for the app. */
  open(page: Page): Promise<void>;
}

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function startRoster(dataDir: string, extraArgs: string[] = []): Promise<RosterApp> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main/web.mjs'), '--port', '0', '--data-dir', dataDir, '--no-open', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Roster did not start: ${stderr}`)), 15_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^Roster is running at (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Roster exited with ${code}: ${stderr}`)));
  });
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    dataDir,
    process: child,
    async open(page) {
      await page.goto(url);
      await expect(page.locator('#root')).not.toBeEmpty();
    },
  };
}

export function stopRoster(app: RosterApp): Promise<void> {
  return new Promise((resolve) => {
    if (app.process.exitCode !== null) return resolve();
    app.process.once('exit', () => resolve());
    app.process.kill('SIGINT');
  });
}

export const test = base.extend<{ roster: RosterApp }>({
  roster: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-e2e-'));
    const app = await startRoster(dataDir);
    await use(app);
    await stopRoster(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
