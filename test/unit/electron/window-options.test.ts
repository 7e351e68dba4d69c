// Roster's window turns on every Electron isolation feature explicitly.
import { describe, expect, it } from 'vitest';
import { packagedMenuTemplate } from '../../../main/electron/app-menu.ts';
import { windowOptions } from '../../../main/electron/window-options.ts';

const PRELOAD = '/opt/roster/dist/preload/electron.cjs';

describe('windowOptions', () => {
  const prefs = windowOptions(PRELOAD).webPreferences!;

  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe(PRELOAD);
  });

  it('sets every security preference itself rather than trusting defaults', () => {
    for (const key of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'allowRunningInsecureContent', 'webviewTag'] as const) {
      expect(prefs, key).toHaveProperty(key);
    }
  });

  it('refuses a relative preload path, which Electron would silently ignore', () => {
    expect(() => windowOptions('dist/preload/electron.cjs')).toThrow(/absolute/);
  });

  it('opens hidden and is shown when ready, so no blank frame flashes', () => {
    expect(windowOptions(PRELOAD).show).toBe(false);
  });

  it('Trust 9: packaged builds have DevTools off; a development checkout keeps them', () => {
    expect(windowOptions(PRELOAD, { packaged: true }).webPreferences!.devTools).toBe(false);
    expect(windowOptions(PRELOAD).webPreferences!.devTools).toBe(true);
  });
});

describe('Trust 9: the menu of a packaged build', () => {
  it.each([
    ['linux', null],
    ['win32', null],
    ['darwin', [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]],
  ] as const)('on %s is not Electron\'s default (no Reload, no DevTools)', (platform, expected) => {
    const template = packagedMenuTemplate(platform);
    expect(template).toEqual(expected);
    expect(JSON.stringify(template)).not.toMatch(/toggleDevTools|reload|viewMenu/i);
  });
});
