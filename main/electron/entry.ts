// Roster's Electron main process: the glue that wires the core to a locked-down window. Every security
// decision lives in a small tested module next to this file; this one only connects them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import ElectronStore from 'electron-store';
import { lockDataDir } from '../core/data-dir-lock.ts';
import { APP_NAME, prepareDataDir, resolveDataDir } from '../core/data-dir.ts';
import { createRoster, type Roster } from '../core/roster.ts';
import { KeyFileSecretBox } from '../core/settings/key-file-secret-box.ts';
import { layeredSecretBox } from '../core/settings/layered-secret-box.ts';
import { safeStorageSecretBox } from '../core/settings/safe-storage-secret-box.ts';
import { settingsStoreOver } from '../core/settings/settings-store.ts';
import { BACKUPS_FOLDER } from '../core/backups/backup-settings.ts';
import type { SecretBox } from '../core/settings/secret-box.ts';
import { packagedMenuTemplate } from './app-menu.ts';
import { APP_SCHEME, APP_START_URL } from './app-origin.ts';
import { respondToAppRequest } from './app-protocol.ts';
import { dataDirFlag } from './cli-args.ts';
import { registerIpc } from './ipc.ts';
import { lockDownSession, lockDownWebContents } from './lockdown.ts';
import { dialogPathPicker } from './path-picker.ts';
import { saveDialogDelivery } from './save-file.ts';
import { nativeBindingFor } from './native-binding-path.mjs';
import { NativeBindingError, startupErrorMessage } from './startup-error.ts';
import { windowOptions } from './window-options.ts';
import { WindowSessions } from './window-sessions.ts';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..'); // dist/
const rendererDir = path.join(dist, 'renderer');
const preloadPath = path.join(dist, 'preload', 'electron.cjs');

// Must happen before "ready": app:// behaves like https (origin, relative URLs, secure context).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

const windows = new WindowSessions();
let mainWindow: BrowserWindow | null = null;
let roster: Roster | null = null;
let unlockDataDir: () => void = () => {};
/** Sign-outs of closing windows still running; the database must outlive them. */
const closingWindows = new Set<Promise<void>>();

function failToStart(err: unknown): void {
  const message = startupErrorMessage(err);
  process.stderr.write(`Roster could not start: ${message}\n`);
  dialog.showErrorBox('Roster could not start', message);
  app.exit(1);
}

/** Under Electron, better-sqlite3 needs a binding built for Electron's ABI, never node_modules' Node one. */
function nativeBinding(): string {
  const file = nativeBindingFor({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    root: path.join(dist, '..'),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  if (!fs.existsSync(file)) {
    const fix = app.isPackaged ? 'Reinstall Roster.' : 'Start Roster with "npm start", which builds it.';
    throw new NativeBindingError(`Roster's SQLite driver for Electron ${process.versions.electron} is missing (${file}). ${fix}`);
  }
  return file;
}

/** The OS keychain when there is one; secrets sealed earlier by browser mode's key file still open. */
function secretBoxFor(dataDir: string): SecretBox {
  const keyFile = new KeyFileSecretBox(dataDir);
  // The sealing below uses the synchronous encryptString/decryptString, so it asks the synchronous question too;
  // moving to the async pair is one change for a machine with an Electron runtime to test.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  return safeStorage.isEncryptionAvailable() ? layeredSecretBox(safeStorageSecretBox(safeStorage), keyFile) : keyFile;
}

function openWindow(core: Roster): void {
  const window = new BrowserWindow(windowOptions(preloadPath, { packaged: app.isPackaged }));
  const id = window.webContents.id;
  windows.add(id);
  lockDownWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    const closing = windows.close(id, core.dispatch).finally(() => closingWindows.delete(closing));
    closingWindows.add(closing);
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_START_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function shutDown(): Promise<void> {
  await Promise.allSettled(closingWindows);
  const core = roster;
  roster = null;
  await core?.close(); // checkpoints the WAL and closes the database
  unlockDataDir();
}

async function start(): Promise<void> {
  process.umask(0o077); // every file Roster creates (database, WAL, settings, key) is readable by this user only
  app.setName(APP_NAME);
  const dataDir = resolveDataDir(dataDirFlag(process.argv));
  try {
    prepareDataDir(dataDir);
  } catch (err) {
    failToStart(err);
    return;
  }
  // Electron's profile and its single-instance lock live in the data folder, so one Roster runs per folder.
  app.setPath('userData', dataDir);
  if (!app.requestSingleInstanceLock()) {
    process.stderr.write(`Roster is already open with the data folder ${dataDir}; switched to its window.\n`);
    app.exit(0);
    return;
  }
  app.on('second-instance', focusMainWindow);
  await app.whenReady();

  lockDownSession(session.defaultSession);
  if (app.isPackaged) {
    const template = packagedMenuTemplate(process.platform);
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
  }
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rendererDir));
  try {
    unlockDataDir = lockDataDir(dataDir); // also keeps browser mode off this folder while Electron has it
    roster = await createRoster({
      dataDir,
      nativeBinding: nativeBinding(),
      secretBox: secretBoxFor(dataDir),
      // The same config.json that browser mode reads through conf.
      settingsStore: settingsStoreOver(new ElectronStore({ cwd: dataDir, configFileMode: 0o600, clearInvalidConfig: false })),
      scheduleBackups: true,
      pathPicker: dialogPathPicker(dialog, () => mainWindow, () => path.join(dataDir, BACKUPS_FOLDER)),
      fileDelivery: saveDialogDelivery(dialog, () => mainWindow, () => app.getPath('downloads')),
    });
  } catch (err) {
    await shutDown();
    failToStart(err);
    return;
  }
  registerIpc({ ipcMain, dispatch: roster.dispatch, windows });
  openWindow(roster);
  app.on('activate', () => {
    if (!mainWindow && roster) openWindow(roster);
  });
}

// Roster is one window over one database: when it closes, close the database and release the folder.
app.on('window-all-closed', () => app.quit());
let closed = false;
app.on('will-quit', (event) => {
  if (closed) return;
  event.preventDefault();
  void shutDown().finally(() => {
    closed = true;
    app.quit();
  });
});

start().catch(failToStart);
