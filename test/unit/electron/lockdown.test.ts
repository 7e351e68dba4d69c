// Roster's window cannot be navigated away from app://roster, open windows, embed webviews or get permissions.
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { lockDownSession, lockDownWebContents } from '../../../main/electron/lockdown.ts';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, fn: (...args: unknown[]) => void) => emitter.on(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
  } as unknown as WebContents;
  /** Emits an event the way Electron does and says whether a handler prevented it. */
  const emit = (name: string, url?: string) => {
    let prevented = false;
    emitter.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, emit, open: (url: string) => openHandler?.({ url }) };
}

describe('lockDownWebContents', () => {
  it.each([
    ['https://example.com/', true],
    ['http://127.0.0.1:4870/', true],
    ['file:///etc/passwd', true],
    ['app://evil/index.html', true],
    ['javascript:alert(1)', true],
    ['app://roster/index.html', false],
  ])('will-navigate to %s prevented: %s', (url, prevented) => {
    const { contents, emit } = fakeContents();
    lockDownWebContents(contents);
    expect(emit('will-navigate', url)).toBe(prevented);
    expect(emit('will-redirect', url)).toBe(prevented);
  });

  it('denies every window.open', () => {
    const { contents, open } = fakeContents();
    lockDownWebContents(contents);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://roster/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { contents, emit } = fakeContents();
    lockDownWebContents(contents);
    expect(emit('will-attach-webview')).toBe(true);
  });
});

describe('lockDownSession', () => {
  it('refuses every permission request and check', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
      setDevicePermissionHandler: (fn: never) => (handlers.device = fn),
    } as unknown as Session;
    lockDownSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      handlers.request!({}, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(handlers.check!({}, permission, 'app://roster', {}), permission).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });
});
