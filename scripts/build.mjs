// Builds everything the app runs from dist/: main (browser mode and Electron), both preloads, the renderer.
// `--if-stale` skips the build when no source is newer than the last one, so `npm start` stays quick.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUNDLED_WORKERS } from '../main/core/workers/bundled-workers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
// Builds go to a private folder that replaces dist/ at the end, so a running app or test never sees half a build.
const staging = path.join(root, `.dist-building-${process.pid}`);
const SOURCES = ['common', 'main', 'preload', 'renderer', 'package.json', 'package-lock.json', 'vite.config.ts', 'scripts/build.mjs'];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((name) => newestMtime(path.join(p, name))));
}

export function isStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

export async function build({ quiet = false } = {}) {
  const log = quiet ? () => {} : (m) => process.stderr.write(`${m}\n`);
  fs.rmSync(staging, { recursive: true, force: true });
  const out = (p) => path.join(staging, p);
  const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root };
  const node = { ...common, platform: 'node', target: 'node20', packages: 'external' };
  await Promise.all([
    esbuild.build({ ...node, entryPoints: ['main/web/entry.ts'], outfile: out('main/web.mjs'), format: 'esm' }),
    esbuild.build({ ...node, entryPoints: ['main/cli/backup-cli.ts'], outfile: out('main/backup-cli.mjs'), format: 'esm' }),
    esbuild.build({ ...node, entryPoints: ['main/cli/verify-audit-cli.ts'], outfile: out('main/verify-audit-cli.mjs'), format: 'esm' }),
    // The workers run as eval'd CommonJS scripts (see main/core/workers/worker-code.ts, which bundles them the
    // same way when running from the sources): everything bundled but the SQLite driver.
    ...Object.entries(BUNDLED_WORKERS).map(([name, entry]) =>
      esbuild.build({ ...common, sourcemap: false, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], entryPoints: [`main/core/${entry}`], outfile: out(`main/${name}.cjs`) }),
    ),
    esbuild.build({ ...node, entryPoints: ['main/electron/entry.ts'], outfile: out('main/electron.mjs'), format: 'esm', external: ['electron'] }),
    // Sandboxed preloads must be CommonJS and may only require('electron').
    esbuild.build({ ...common, platform: 'node', target: 'node20', entryPoints: ['preload/electron.ts'], outfile: out('preload/electron.cjs'), format: 'cjs', external: ['electron'] }),
    esbuild.build({ ...common, platform: 'browser', target: 'chrome120', entryPoints: ['preload/web.ts'], outfile: out('preload/web.js'), format: 'iife' }),
  ]);
  log('built main and preloads');
  // dist is always a production build, whatever NODE_ENV the caller runs with: Vite (and its React plugin) honour
  // an ambient NODE_ENV over the mode, so a build started under vitest (NODE_ENV=test: the web-entry test runs
  // npm start, which builds stale sources) bundled development React (StrictMode double effects, jsxDEV) for the
  // e2e suite that followed.
  process.env.NODE_ENV = 'production';
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: quiet ? 'silent' : 'warn',
    build: { outDir: out('renderer'), emptyOutDir: true },
  });
  log('built renderer');
  fs.writeFileSync(out('.build-stamp'), new Date().toISOString());
  const old = `${dist}-old-${process.pid}`;
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(staging, dist);
  fs.rmSync(old, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) process.exit(0);
  await build();
}
