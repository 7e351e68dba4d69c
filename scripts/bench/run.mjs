// `npm run bench -- --users N`: bundles the TypeScript bench (it drives main/core directly) and runs it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = path.join(root, 'node_modules', '.cache', 'roster-bench', 'bench.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'scripts', 'bench', 'bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  absWorkingDir: root,
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
await main(process.argv.slice(2), root);
