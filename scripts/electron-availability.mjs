// What `npm start` needs for Electron: the runtime (electron >= 42 fetches it on first use) and
// better-sqlite3 built for Electron's ABI. Each is fetched or built once when the network allows, and each
// answer is { ok } or { ok: false, reason } with a reason short enough for one line.
import fs from 'node:fs';
import path from 'node:path';
import { electronNativeBindingPath } from '../main/electron/native-binding-path.mjs';
import { electronBinaryPath } from './launch-plan.mjs';
import { canReach, runQuietly, usesProxy } from './run-quietly.mjs';

const MINUTE = 60_000;

function downloadHost(env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.electron_config_mirror;
  try {
    return mirror ? new URL(mirror).hostname : 'github.com';
  } catch {
    return 'github.com';
  }
}

export async function findElectronRuntime({ root, env = process.env, log }) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const binary = electronBinaryPath({ electronPackageDir: pkgDir, platform: process.platform, env });
  if (fs.existsSync(binary)) return { ok: true, binary, version };
  const shown = path.relative(root, binary);
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ok: false, reason: `${shown} missing and ELECTRON_SKIP_BINARY_DOWNLOAD is set` };
  const host = downloadHost(env);
  if (!usesProxy(env) && !(await canReach(host))) return { ok: false, reason: `${shown} missing and ${host} unreachable to download it` };
  log(`Downloading the Electron ${version} runtime (first start only)...`);
  const got = await runQuietly(process.execPath, [path.join(pkgDir, 'install.js')], { cwd: pkgDir, env, timeoutMs: 10 * MINUTE });
  if (!got.ok) return { ok: false, reason: `its download failed: ${got.reason}` };
  return fs.existsSync(binary) ? { ok: true, binary, version } : { ok: false, reason: `${shown} still missing after its download` };
}

export async function findElectronNative({ root, electronVersion, log }) {
  const file = electronNativeBindingPath({ root, electronVersion, platform: process.platform, arch: process.arch });
  if (fs.existsSync(file)) return { ok: true, file };
  log(`Building better-sqlite3 for Electron ${electronVersion} (first start only)...`);
  const built = await runQuietly(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], { cwd: root, timeoutMs: 15 * MINUTE });
  if (!built.ok) return { ok: false, reason: built.reason.replace(/^Could not build better-sqlite3 for Electron: /, '').replace(/\.$/, '') };
  return fs.existsSync(file) ? { ok: true, file } : { ok: false, reason: `${path.relative(root, file)} missing after its build` };
}
