// `npm start`: builds what is stale, then runs Roster in Electron, or, when the Electron runtime or its
// SQLite driver cannot be had (offline, ELECTRON_SKIP_BINARY_DOWNLOAD), says so in one line and runs
// browser mode with the same arguments. Never a stack trace.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isStale } from './build.mjs';
import { findElectronNative, findElectronRuntime } from './electron-availability.mjs';
import { browserArgs, chooseMode, electronArgs } from './launch-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const userArgs = process.argv.slice(2);
const log = (line) => process.stderr.write(`${line}\n`);

function oneLine(err) {
  return String(err instanceof Error ? err.message : err).split('\n')[0];
}

/** Runs the child in the foreground: signals go to it, and its exit code becomes ours. */
function runChild(command, args) {
  // ELECTRON_RUN_AS_NODE left in the environment would turn Electron into plain Node and skip the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.once('error', (err) => {
    log(`Roster could not start: ${oneLine(err)}`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  try {
    if (isStale()) await build({ quiet: true });
  } catch (err) {
    log(`Roster could not be built: ${oneLine(err)}`);
    process.exit(1);
  }
  const runtime = await findElectronRuntime({ root, log });
  const native = runtime.ok ? await findElectronNative({ root, electronVersion: runtime.version, log }) : { ok: false, reason: 'not checked' };
  const plan = chooseMode({ runtime, native });
  if (plan.mode === 'electron') return runChild(runtime.binary, electronArgs(path.join(root, 'dist', 'main', 'electron.mjs'), userArgs));
  log(plan.line);
  runChild(process.execPath, browserArgs(path.join(root, 'dist', 'main', 'web.mjs'), userArgs));
}

main().catch((err) => {
  log(`Roster could not start: ${oneLine(err)}`);
  process.exit(1);
});
