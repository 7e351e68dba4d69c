// Roster in a real Electron window: the first-run screen appears, window.roster is exactly the contract, and
// the window cannot be navigated away or open new windows. Skips, saying why, where Electron cannot run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { METHOD_NAMES } from '../../common/method-names.ts';
import { ELECTRON_BINARY, ENTRY, unavailableReason } from './electron-runtime.ts';

const reason = unavailableReason();
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

test('navigation to an outside URL is refused', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await expect(page.getByText('Create your admin account')).toBeVisible();
});

test('window.open is refused', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});
