// main/electron/entry.ts wired end to end against a stand-in for the electron module and a real core:
// it serves app://, registers every method behind the sender check, holds the data-folder lock until quit,
// and turns a bad data folder into an error dialog, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/method-names.ts';
import { LOCK_FILE } from '../../../main/core/data-dir-lock.ts';
import { electronNativeBindingPath } from '../../../main/electron/native-binding-path.mjs';
import { tempDir } from '../harness.ts';
import type { recorder as Recorder } from './fake-electron.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
type Fake = typeof Recorder;

/** A throwaway checkout: the entry bundled against the fake electron, a renderer, and the driver it expects. */
async function fakeCheckout(): Promise<string> {
  const dir = tempDir('roster-entry-');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['main/electron/entry.ts'],
    outfile: path.join(dir, 'dist', 'main', 'electron.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    alias: { electron: './test/unit/electron/fake-electron.ts', 'electron-store': './test/unit/electron/fake-electron-store.ts' },
    logLevel: 'silent',
  });
  fs.mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Roster</title>');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  const driver = electronNativeBindingPath({ root: dir, electronVersion: '0.0.0-fake', platform: process.platform, arch: process.arch });
  fs.mkdirSync(path.dirname(driver), { recursive: true });
  fs.copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), driver);
  return dir;
}

const savedArgv = process.argv;
afterEach(() => {
  process.argv = savedArgv;
});

async function launch(checkout: string, dataDir: string): Promise<Fake> {
  process.argv = ['/fake/electron', path.join(checkout, 'dist', 'main', 'electron.mjs'), '--data-dir', dataDir];
  await import(`${pathToFileURL(path.join(checkout, 'dist', 'main', 'electron.mjs')).href}?run=${Math.random()}`);
  const fake = (globalThis as unknown as { __fakeElectron: Fake }).__fakeElectron;
  await expect.poll(() => fake.windows.length + fake.exitCodes.length, { timeout: 10_000 }).toBeGreaterThan(0);
  return fake;
}

describe('the Electron entry', () => {
  it('opens a locked-down window on app://roster, serves it, and answers IPC only from that window', async () => {
    const checkout = await fakeCheckout();
    const dataDir = tempDir('roster-entry-data-');
    const fake = await launch(checkout, dataDir);

    expect(fake.paths.userData).toBe(dataDir); // the single-instance lock is per data folder
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe('app://roster/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: path.join(checkout, 'dist', 'preload', 'electron.cjs'),
    });
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    expect(window.webContents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(fake.permissionHandlers.check?.()).toBe(false);
    // A development checkout keeps DevTools and Electron's menu; packaged builds drop both (window-options.test.ts).
    expect(window.options.webPreferences).toMatchObject({ devTools: true });
    expect(fake.menus).toEqual([]);

    const page = fake.protocolHandlers.get('app')!(new Request('app://roster/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Roster</title>');
    expect(fake.protocolHandlers.get('app')!(new Request('app://roster/index.html', { method: 'POST', body: 'x' })).status).toBe(405);

    expect([...fake.ipc.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `roster:${m}`).sort());
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await fake.ipc.get('roster:getStatus')!(fromWindow, {})).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    // Another window's contents: the fake's own fields with another id (the guard reads no prototype members).
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- see above
    const stranger = { ...fromWindow, sender: { ...window.webContents, id: 999, mainFrame: window.webContents.mainFrame } };
    expect(await fake.ipc.get('roster:getStatus')!(stranger, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    fake.app.emit('window-all-closed');
    await expect.poll(() => fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false); // database closed, folder released
    expect(fake.errorBoxes).toEqual([]);
  });

  it('shows a data folder holding a non-SQLite file as a plain error dialog, and leaves the file alone', async () => {
    const checkout = await fakeCheckout();
    const dataDir = tempDir('roster-entry-data-');
    fs.writeFileSync(path.join(dataDir, 'roster.db'), 'my tax notes, not a database');
    const fake = await launch(checkout, dataDir);

    await expect.poll(() => fake.exitCodes).toEqual([1]);
    expect(fake.windows).toEqual([]);
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.content).toMatch(/not a Roster database/);
    expect(fake.errorBoxes[0]!.content).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(dataDir, 'roster.db'), 'utf8')).toBe('my tax notes, not a database');
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });
});
