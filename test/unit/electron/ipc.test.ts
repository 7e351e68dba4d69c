// Every contract method is registered through one wrapper that serves only Roster's own window, each window
// with its own session. Uses a fake ipcMain and a real Roster core.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/method-names.ts';
import { FORBIDDEN_SENDER, registerIpc } from '../../../main/electron/ipc.ts';
import { MemorySessionSlot } from '../../../main/core/api/session-slot.ts';
import { WindowSessions } from '../../../main/electron/window-sessions.ts';
import { ADMIN, startTestRoster } from '../harness.ts';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

interface FrameSpec {
  url?: string;
  iframe?: boolean;
  gone?: boolean;
}

/** An invoke event as Electron builds it, for window `id`, sent from its main frame unless told otherwise. */
function eventFrom(id: number, { url = 'app://roster/index.html', iframe = false, gone = false }: FrameSpec = {}) {
  const mainFrame = { url, parent: null, processId: 7, frameToken: `main-${id}` };
  const senderFrame = gone ? null : iframe ? { url, parent: mainFrame, processId: 7, frameToken: `child-${id}` } : mainFrame;
  return { sender: { id, mainFrame }, senderFrame } as unknown as IpcMainInvokeEvent;
}

async function setUp() {
  const { roster } = await startTestRoster();
  const ipcMain = fakeIpcMain();
  const windows = new WindowSessions();
  const unregister = registerIpc({ ipcMain, dispatch: roster.dispatch, windows });
  const invoke = (method: string, event: IpcMainInvokeEvent, payload: unknown = {}) => ipcMain.handlers.get(`roster:${method}`)!(event, payload);
  return { ipcMain, windows, unregister, invoke, dispatch: roster.dispatch };
}

describe('registerIpc', () => {
  it('registers exactly one channel per contract method, and removes them all again', async () => {
    const { ipcMain, unregister } = await setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `roster:${m}`).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('serves the main frame of a known window through the dispatcher', async () => {
    const { windows, invoke } = await setUp();
    windows.add(1);
    expect(await invoke('getStatus', eventFrom(1))).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
  });

  it('passes the payload to the dispatcher unchanged, which validates it', async () => {
    const { windows, invoke } = await setUp();
    windows.add(1);
    const result = await invoke('signIn', eventFrom(1), { email: 'not an email', password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it.each([
    ['a window Roster did not create', 2, {}],
    ['an iframe', 1, { iframe: true }],
    ['a page that navigated away', 1, { url: 'https://evil.example/' }],
    ['a frame that is gone', 1, { gone: true }],
  ])('refuses %s with FORBIDDEN', async (_label, id, frame) => {
    const { windows, invoke } = await setUp();
    windows.add(1);
    expect(await invoke('getStatus', eventFrom(id, frame as FrameSpec))).toEqual(FORBIDDEN_SENDER);
  });

  it('keeps one session per window: signing in in one window does not sign in another', async () => {
    const { windows, invoke } = await setUp();
    windows.add(1);
    windows.add(2);
    expect(await invoke('createFirstAdmin', eventFrom(1), ADMIN)).toMatchObject({ ok: true });
    expect(await invoke('getMe', eventFrom(1))).toMatchObject({ ok: true, value: { email: ADMIN.email } });
    expect(await invoke('getMe', eventFrom(2))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('forgets a closed window: its id is refused afterwards', async () => {
    const { windows, invoke, dispatch } = await setUp();
    windows.add(1);
    await invoke('createFirstAdmin', eventFrom(1), ADMIN);
    await windows.close(1, dispatch);
    expect(await invoke('getMe', eventFrom(1))).toEqual(FORBIDDEN_SENDER);
    windows.add(1); // a new window that happens to get the same id starts signed out
    expect(await invoke('getMe', eventFrom(1))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('closing a window', () => {
  it('ends its sign-in, so its session token is worthless afterwards', async () => {
    const { roster } = await startTestRoster();
    const windows = new WindowSessions();
    windows.add(1);
    const slot = windows.slotFor(1)!;
    expect(await roster.dispatch('createFirstAdmin', ADMIN, slot)).toMatchObject({ ok: true });
    const token = slot.get();
    expect(token).toBeTruthy();
    await windows.close(1, roster.dispatch);
    expect(windows.has(1)).toBe(false);
    const stolen = new MemorySessionSlot(token);
    expect(await roster.dispatch('getMe', {}, stolen)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
