// The import worker's code, as one CommonJS script started with `eval` (like the bcrypt and backup workers): read
// from the file the build writes beside main's bundle (dist/main/import-worker.cjs, inside app.asar too, which a
// Worker could not load by path), or, when running from the TypeScript sources (tests), bundled on the spot with
// esbuild, a development dependency that is always there when the sources are.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKER_BUNDLE = 'import-worker.cjs';
let code: Promise<string> | null = null;

export function importWorkerCode(): Promise<string> {
  code ??= load();
  return code;
}

async function load(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, WORKER_BUNDLE);
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const source = path.join(here, 'import-worker.ts');
  if (!fs.existsSync(source)) throw new Error(`the import worker is missing (${built})`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...IMPORT_WORKER_BUILD, entryPoints: [source], write: false, sourcemap: false });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error('esbuild produced no import worker');
  return bundle.text;
}

/** How the worker is bundled, here and in scripts/build.mjs: CommonJS for `eval`, the SQLite driver loaded by path. */
export const IMPORT_WORKER_BUILD = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], logLevel: 'warning' } satisfies import('esbuild').BuildOptions;
