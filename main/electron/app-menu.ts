// The application menu of a packaged Roster: never Electron's default one (its View menu reloads the window and
// opens DevTools). None on Windows and Linux; on macOS only what the platform needs: the app menu (Quit) and Edit
// (copy and paste in text fields work through it), plus Window.
import type { MenuItemConstructorOptions } from 'electron';

export function packagedMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
