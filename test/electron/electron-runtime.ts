// Finds what the Electron suite needs (the runtime and the Electron-ABI SQLite driver) without touching
// require('electron'), which would try to download the runtime; says why the suite cannot run when not.
import fs from 'node:fs';
import path from 'node:path';
import { electronNativeBindingPath } from '../../main/electron/native-binding-path.mjs';
import { electronBinaryPath } from '../../scripts/launch-plan.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ENTRY = path.join(ROOT, 'dist', 'main', 'electron.mjs');

const electronDir = path.join(ROOT, 'node_modules', 'electron');
const electronVersion = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;

export const ELECTRON_BINARY = electronBinaryPath({ electronPackageDir: electronDir, platform: process.platform, env: process.env });
export const NATIVE_BINDING = electronNativeBindingPath({ root: ROOT, electronVersion, platform: process.platform, arch: process.arch });

/** Set to 1 on machines that have an Electron runtime: there the suite must run, and a skip is a failure. */
export const REQUIRE_ELECTRON_ENV = 'ROSTER_REQUIRE_ELECTRON';

export function electronRequired(env: Record<string, string | undefined> = process.env): boolean {
  return env[REQUIRE_ELECTRON_ENV] === '1';
}

/** Why the suite cannot run here, or null when it can. */
export function unavailableReason(): string | null {
  if (!fs.existsSync(ELECTRON_BINARY)) return `Electron runtime not available on this machine (${ELECTRON_BINARY} missing)`;
  if (!fs.existsSync(NATIVE_BINDING)) {
    return `Electron's SQLite driver not available on this machine (${NATIVE_BINDING} missing; run node scripts/electron-native.mjs)`;
  }
  if (!fs.existsSync(ENTRY)) return `Roster is not built (${ENTRY} missing; run npm run build)`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display to open a window on (run under xvfb-run)';
  return null;
}
