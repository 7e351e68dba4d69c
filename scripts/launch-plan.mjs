// The launcher's decisions, kept pure so they are unit-tested: where Electron's executable should be, whether
// to run Electron or browser mode, the one line that says why, and which arguments each mode receives.
import path from 'node:path';

/** Mirrors node_modules/electron/install.js: the executable inside node_modules/electron/dist. */
export function electronExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable path for this checkout (ELECTRON_OVERRIDE_DIST_PATH wins, as in electron's index.js). */
export function electronBinaryPath({ electronPackageDir, platform, env }) {
  const dir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPackageDir, 'dist');
  return path.join(dir, electronExecutable(platform));
}

/**
 * @param {{ runtime: { ok: true } | { ok: false, reason: string }, native: { ok: true } | { ok: false, reason: string } }} found
 */
export function chooseMode({ runtime, native }) {
  if (!runtime.ok) return { mode: 'browser', line: fallbackLine('Electron runtime', runtime.reason) };
  if (!native.ok) return { mode: 'browser', line: fallbackLine("Electron's SQLite driver", native.reason) };
  return { mode: 'electron' };
}

export function fallbackLine(what, reason) {
  return `${what} not available (${reason}); starting Roster in browser mode instead.`;
}

// Browser-mode options that mean nothing to the Electron window (it has no port and is the window itself).
const BROWSER_ONLY_FLAGS = new Set(['--no-open']);
const BROWSER_ONLY_OPTIONS = new Set(['--port']);

/** Arguments for `electron <entry> ...`: the user's, minus browser-only ones. */
export function electronArgs(entry, userArgs) {
  const out = [entry];
  for (let i = 0; i < userArgs.length; i++) {
    const arg = userArgs[i];
    const name = arg.split('=')[0];
    if (BROWSER_ONLY_FLAGS.has(arg)) continue;
    if (BROWSER_ONLY_OPTIONS.has(name)) {
      if (!arg.includes('=')) i++; // skip its value too
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** Arguments for `node <web entry> ...`: the user's, unchanged (browser mode validates them itself). */
export function browserArgs(entry, userArgs) {
  return [entry, ...userArgs];
}

/** One short reason out of a failed child's output: its error message, not its stack trace. */
export function summarizeFailure(output) {
  const lines = String(output).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const meaningful = lines.filter((l) => !/^at\s/.test(l) && !/^node:internal|^\^+$|^Node\.js v/.test(l));
  const errorLine = meaningful.find((l) => /^(\w*Error|Error)\b:?/.test(l));
  const chosen = errorLine ?? meaningful.at(-1) ?? 'no output';
  const message = chosen.replace(/^\w*Error:\s*/, '');
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}
