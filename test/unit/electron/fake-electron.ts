// A stand-in for the `electron` module, just wide enough for main/electron/entry.ts, recording what the entry
// asks of Electron so the entry's wiring can be tested in plain Node (no Electron runtime here).
import { EventEmitter } from 'node:events';
import { fakeSafeStorage } from '../../fixtures/fake-safe-storage.ts';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: '', parent: null, processId: 1, frameToken: `frame-${this.id}` };
  openHandler: Listener | undefined;
  setWindowOpenHandler(fn: Listener) {
    this.openHandler = fn;
  }
}

export const recorder = {
  windows: [] as FakeBrowserWindow[],
  ipc: new Map<string, Listener>(),
  protocolHandlers: new Map<string, (request: Request) => Response>(),
  privilegedSchemes: [] as unknown[],
  errorBoxes: [] as { title: string; content: string }[],
  exitCodes: [] as number[],
  quits: 0,
  paths: {} as Record<string, string>,
  permissionHandlers: {} as Record<string, Listener>,
  menus: [] as unknown[],
  app: new EventEmitter(),
};
(globalThis as Record<string, unknown>).__fakeElectron = recorder;

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorder.windows.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const app = Object.assign(recorder.app, {
  isPackaged: false,
  setName: () => {},
  setPath: (name: string, value: string) => void (recorder.paths[name] = value),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  exit: (code = 0) => void recorder.exitCodes.push(code),
  quit: () => {
    recorder.quits++;
    let prevented = false;
    recorder.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    return prevented;
  },
});
export const BrowserWindow = FakeBrowserWindow;
export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: unknown) => void recorder.menus.push(menu),
};
export const dialog = { showErrorBox: (title: string, content: string) => void recorder.errorBoxes.push({ title, content }) };
export const ipcMain = {
  handle: (channel: string, fn: Listener) => void recorder.ipc.set(channel, fn),
  removeHandler: (channel: string) => void recorder.ipc.delete(channel),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void recorder.privilegedSchemes.push(...schemes),
  handle: (scheme: string, fn: (request: Request) => Response) => void recorder.protocolHandlers.set(scheme, fn),
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: Listener) => void (recorder.permissionHandlers.request = fn),
    setPermissionCheckHandler: (fn: Listener) => void (recorder.permissionHandlers.check = fn),
    setDevicePermissionHandler: (fn: Listener) => void (recorder.permissionHandlers.device = fn),
  },
};

// The entry reads Electron's version to find its driver; a Node-ABI copy stands in for it in these tests.
Object.defineProperty(process.versions, 'electron', { value: '0.0.0-fake', configurable: true });

export const safeStorage = fakeSafeStorage();
