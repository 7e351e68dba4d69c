// Roster in a real Electron window: the first-run screen appears, window.roster is exactly the contract, and
// the window cannot be navigated away or open new windows. Skips, saying why, where Electron cannot run, unless
// ROSTER_REQUIRE_ELECTRON=1 says this machine has a runtime: then not running is a failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { BrowserWindow } from 'electron'; // types only: nothing here loads Electron
import { METHOD_NAMES } from '../../common/method-names.ts';
import { ELECTRON_BINARY, ENTRY, REQUIRE_ELECTRON_ENV, electronRequired, unavailableReason } from './electron-runtime.ts';

const reason = unavailableReason();
if (reason !== null && electronRequired()) {
  throw new Error(`${REQUIRE_ELECTRON_ENV}=1, so the Electron suite must run, but it cannot: ${reason}.`);
}
test.skip(reason !== null, reason ?? '');

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-electron-'));
  app = await electron.launch({ executablePath: ELECTRON_BINARY, args: [ENTRY, '--data-dir', dataDir] });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  // Unset when launch failed in beforeEach; the failure to report is that one.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the first-run screen appears, served from app://roster', async () => {
  await expect(page.getByText('Create your admin account')).toBeVisible();
  expect(new URL(page.url()).origin).toBe('app://roster');
});

test('window.roster has exactly the contract methods, and the page has no Node', async () => {
  const shape = await page.evaluate(() => ({
    methods: Object.keys((window as unknown as { roster: object }).roster).sort(),
    hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
    hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
  }));
  expect(shape).toEqual({ methods: [...METHOD_NAMES].sort(), hasRequire: false, hasProcess: false });
  const status = await page.evaluate(() => (window as unknown as { roster: { getStatus(i: object): Promise<unknown> } }).roster.getStatus({}));
  expect(status).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
});

type Attempts = { url: string; prevented: boolean }[];

test('navigation to an outside URL is refused', async () => {
  const before = page.url();
  // A listener added now runs after Roster's own will-navigate handler, so it sees that handler's decision.
  const browserWindow = await app.browserWindow(page);
  await browserWindow.evaluate((win: BrowserWindow) => {
    const attempts: Attempts = [];
    (globalThis as { rosterNavigations?: Attempts }).rosterNavigations = attempts;
    win.webContents.on('will-navigate', (event) => attempts.push({ url: event.url, prevented: event.defaultPrevented }));
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // Wait for main to have seen the attempt and decided, instead of sleeping and hoping it has.
  const attempts = () => app.evaluate(() => (globalThis as { rosterNavigations?: Attempts }).rosterNavigations ?? []);
  await expect.poll(attempts).toEqual([{ url: 'https://example.com/', prevented: true }]);
  expect(page.url()).toBe(before);
  await expect(page.getByText('Create your admin account')).toBeVisible();
});

test('window.open is refused', async () => {
  // null means main's window-open handler has already answered "deny": no window is on its way.
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  // Main's own list of windows, not Playwright's app.windows(), which learns of new pages only later.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
