// The options of Roster's window. Every security-relevant web preference is set explicitly, even where it
// matches Electron's default, so a change of default or a careless edit shows up in a test.
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** `packaged`: an installed build, where DevTools cannot be opened at all (a development checkout keeps them). */
export function windowOptions(preloadPath: string, { packaged = false }: { packaged?: boolean } = {}): BrowserWindowConstructorOptions {
  // Electron silently ignores a relative preload path; fail loudly instead.
  if (!path.isAbsolute(preloadPath)) throw new Error(`The preload path must be absolute, not "${preloadPath}".`);
  return {
    title: 'Roster',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    show: false, // shown on ready-to-show, so nobody sees an empty white frame
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}
