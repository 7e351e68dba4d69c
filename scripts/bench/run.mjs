// `npm run bench -- --users N`: bundles the TypeScript bench (it drives main/core directly) and runs it.
// `run.mjs ui --users N` (npm run bench:ui) does the same for the UI bench (scripts/bench/ui-bench.ts).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [entry, args] = process.argv[2] === 'ui' ? ['ui-bench', process.argv.slice(3)] : ['bench', process.argv.slice(2)];
const outfile = path.join(root, 'node_modules', '.cache', 'roster-bench', `${entry}.mjs`);
await esbuild.build({
  entryPoints: [path.join(root, 'scripts', 'bench', `${entry}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  absWorkingDir: root,
  logLevel: 'warning',
});
// The database workers beside the bundle, as in dist/main (main/core/worker-code.ts looks there).
for (const [entry, file] of [
  [['people-csv', 'import-worker.ts'], 'import-worker.cjs'],
  [['bulk', 'bulk-worker.ts'], 'bulk-worker.cjs'],
]) {
  await esbuild.build({
    entryPoints: [path.join(root, 'main', 'core', ...entry)],
    outfile: path.join(path.dirname(outfile), file),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    absWorkingDir: root,
    logLevel: 'warning',
  });
}
const { main } = await import(pathToFileURL(outfile).href);
await main(args, root);
