// Where Roster keeps its data: the folder Electron's app.getPath('userData') gives for "Roster", computed the
// same way in browser mode, unless --data-dir or ROSTER_DATA_DIR says otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Roster';
export const DATABASE_FILE = 'roster.db';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/** Mirrors Electron: appData (%APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config) + app name. */
export function defaultDataDir({ platform, env, home }: PlatformInfo): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

export function resolveDataDir(flag: string | undefined, env = process.env): string {
  const chosen = flag || env.ROSTER_DATA_DIR;
  if (chosen) return path.resolve(chosen);
  return defaultDataDir({ platform: process.platform, env, home: os.homedir() });
}

export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** Creates the folder readable by its owner only and proves it is writable, with a message a person can act on. */
export function prepareDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'it is not writable'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'part of that path is a file, not a folder'
          : (err as Error).message;
    throw new DataDirError(`Roster cannot use the data folder ${dir}: ${why}. Choose another with --data-dir.`);
  }
}
