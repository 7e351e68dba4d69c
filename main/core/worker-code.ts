// The code of Roster's database workers (an import's, a bulk action's), as CommonJS scripts started with `eval`
// (like the bcrypt and backup workers): read from the file the build writes beside main's bundle (dist/main/*.cjs,
// inside app.asar too, which a Worker could not load by path), or, when running from the TypeScript sources (tests),
// bundled on the spot with esbuild, a development dependency that is always there when the sources are.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each worker's bundle file name (scripts/build.mjs, scripts/bench/run.mjs and electron-builder.yml list them). */
export const WORKER_BUNDLES = { import: 'import-worker.cjs', bulk: 'bulk-worker.cjs' } as const;
export type WorkerName = keyof typeof WORKER_BUNDLES;

/** Where each worker's source lives, relative to main/core. */
const SOURCES: Record<WorkerName, string> = { import: 'people-csv/import-worker.ts', bulk: 'bulk/bulk-worker.ts' };

const loaded = new Map<WorkerName, Promise<string>>();

export function workerCode(name: WorkerName): Promise<string> {
  let code = loaded.get(name);
  if (!code) {
    code = load(name);
    loaded.set(name, code);
  }
  return code;
}

async function load(name: WorkerName): Promise<string> {
  // In a bundle this file's URL is the bundle's (dist/main/…), where the workers are; from the sources, main/core.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, WORKER_BUNDLES[name]);
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const source = path.join(here, SOURCES[name]);
  if (!fs.existsSync(source)) throw new Error(`the ${name} worker is missing (${built})`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...WORKER_BUILD, entryPoints: [source], write: false, sourcemap: false });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`esbuild produced no ${name} worker`);
  return bundle.text;
}

/** How a worker is bundled, here and in scripts/build.mjs: CommonJS for `eval`, the SQLite driver loaded by path. */
export const WORKER_BUILD = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], logLevel: 'warning' } satisfies import('esbuild').BuildOptions;
