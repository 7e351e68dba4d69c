// The code of the workers written in TypeScript, each run as one CommonJS script started with `eval` (like the
// bcrypt and backup workers): read from the file the build writes beside main's bundle (dist/main/NAME.cjs, inside
// app.asar too, which a Worker could not load by path), or, when running from the TypeScript sources (tests),
// bundled on the spot with esbuild, a development dependency that is always there when the sources are.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { BUNDLED_WORKERS } from './bundled-workers.mjs';

export { BUNDLED_WORKERS };
export type WorkerName = keyof typeof BUNDLED_WORKERS;

export const bundleFile = (name: WorkerName): string => `${name}.cjs`;

/** How a worker is bundled, here and in the build: CommonJS for `eval`, the SQLite driver loaded by path. */
export const WORKER_BUILD = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], logLevel: 'warning' } satisfies import('esbuild').BuildOptions;

/** What every SQLite worker is given to load the driver main uses (Electron's build of it, when packaged). */
export interface DriverSetup {
  driverPath: string;
  nativeBinding?: string;
}

export const driverSetup = (nativeBinding?: string): DriverSetup => ({
  driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
  ...(nativeBinding ? { nativeBinding } : {}),
});

const code = new Map<WorkerName, Promise<string>>();

export function workerCode(name: WorkerName): Promise<string> {
  let text = code.get(name);
  if (!text) code.set(name, (text = load(name)));
  return text;
}

async function load(name: WorkerName): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, bundleFile(name));
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const source = path.join(here, '..', BUNDLED_WORKERS[name]);
  if (!fs.existsSync(source)) throw new Error(`the ${name} is missing (${built})`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...WORKER_BUILD, entryPoints: [source], write: false, sourcemap: false });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`esbuild produced no ${name}`);
  return bundle.text;
}
