// Where a development checkout keeps the better-sqlite3 binding built for Electron's ABI (node_modules holds
// Node's). Plain JavaScript because the launcher needs it before anything is built; the Electron entry
// bundles this same file, so both always agree.
import path from 'node:path';

export const NATIVE_FOLDER = '.native';

/** @param {{ root: string, electronVersion: string, platform: string, arch: string }} where */
export function electronNativeBindingPath({ root, electronVersion, platform, arch }) {
  return path.join(root, NATIVE_FOLDER, `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}
