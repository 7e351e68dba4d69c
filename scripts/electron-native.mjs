// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>-<platform>-<arch>/, leaving the
// Node build in node_modules alone (tests and browser mode use that one). Needs Electron's headers from
// electronjs.org (or a prebuilt binary from GitHub); offline it stops at once with a one-line reason.
// Usage: node scripts/electron-native.mjs [--force] [--for-packaging]
//   --for-packaging also copies it to .native/packaging/, which electron-builder ships as resources/native.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BINDING_FILE, PACKAGING_FOLDER, electronNativeBindingPath } from '../main/electron/native-binding-path.mjs';
import { canReach, usesProxy } from './run-quietly.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADERS_HOST = 'electronjs.org';

class NativeBuildError extends Error {}

function readVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    throw new NativeBuildError(`the ${pkg} package is not installed (run npm ci)`);
  }
}

export function electronNativeTarget() {
  const electronVersion = readVersion('electron');
  return { electronVersion, file: electronNativeBindingPath({ root, electronVersion, platform: process.platform, arch: process.arch }) };
}

/** A throwaway project holding a copy of better-sqlite3, so @electron/rebuild never touches node_modules. */
function makeStaging(dir) {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const version = readVersion('better-sqlite3');
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'roster-native-staging', private: true, dependencies: { 'better-sqlite3': version } }));
  fs.cpSync(source, path.join(dir, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (p) => path.relative(source, p).split(path.sep)[0] !== 'build',
  });
  // Lets @electron/rebuild try better-sqlite3's prebuilt Electron binaries before compiling from source.
  const prebuild = path.join(root, 'node_modules', 'prebuild-install');
  if (fs.existsSync(prebuild)) fs.symlinkSync(prebuild, path.join(dir, 'node_modules', 'prebuild-install'), 'junction');
}

export async function buildElectronNative({ force = false } = {}) {
  const { electronVersion, file } = electronNativeTarget();
  if (fs.existsSync(file) && !force) return file;
  if (!usesProxy() && !(await canReach(HEADERS_HOST))) {
    throw new NativeBuildError(`cannot reach ${HEADERS_HOST} to download Electron ${electronVersion}'s headers`);
  }
  const staging = path.join(root, '.native', `.staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    makeStaging(staging);
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: staging, projectRootPath: staging, electronVersion, arch: process.arch, onlyModules: ['better-sqlite3'], force: true });
    const built = path.join(staging, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) throw new NativeBuildError('the build finished without producing better_sqlite3.node');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, file); // never leave half a binding where Electron would load it
    return file;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const file = await buildElectronNative({ force: process.argv.includes('--force') });
    process.stdout.write(`better-sqlite3 for Electron is ready: ${path.relative(root, file)}\n`);
    if (process.argv.includes('--for-packaging')) {
      const shipped = path.join(root, PACKAGING_FOLDER, BINDING_FILE);
      fs.mkdirSync(path.dirname(shipped), { recursive: true });
      fs.copyFileSync(file, shipped);
      process.stdout.write(`copied for electron-builder: ${path.relative(root, shipped)}\n`);
    }
  } catch (err) {
    const first = String(err instanceof Error ? err.message : err).split('\n')[0];
    process.stderr.write(`Could not build better-sqlite3 for Electron: ${first}.\n`);
    process.exit(1);
  }
}
