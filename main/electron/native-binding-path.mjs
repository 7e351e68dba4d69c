// Where the better-sqlite3 binding built for Electron's ABI lives (node_modules holds Node's, for tests and
// browser mode). Plain JavaScript because the launcher needs it before anything is built; the Electron
// entry bundles this same file, so both always agree.
import path from 'node:path';

export const NATIVE_FOLDER = '.native';
/** Where `electron-native.mjs --for-packaging` puts the binding for electron-builder to ship. */
export const PACKAGING_FOLDER = path.join(NATIVE_FOLDER, 'packaging');
export const BINDING_FILE = 'better_sqlite3.node';

/** @param {{ root: string, electronVersion: string, platform: string, arch: string }} where */
export function electronNativeBindingPath({ root, electronVersion, platform, arch }) {
  return path.join(root, NATIVE_FOLDER, `electron-${electronVersion}-${platform}-${arch}`, BINDING_FILE);
}

/**
 * The binding Electron's main process loads: shipped in resources/native when packaged, else the checkout's.
 * @param {{ isPackaged: boolean, resourcesPath: string, root: string, electronVersion: string, platform: string, arch: string }} where
 */
export function nativeBindingFor({ isPackaged, resourcesPath, ...checkout }) {
  return isPackaged ? path.join(resourcesPath, 'native', BINDING_FILE) : electronNativeBindingPath(checkout);
}
