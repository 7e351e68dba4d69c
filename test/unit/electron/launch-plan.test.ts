// `npm start` runs Electron only when both its runtime and its SQLite driver exist, says in one line why
// not otherwise, and hands each mode the arguments that mean something to it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../../main/electron/native-binding-path.mjs';
import { browserArgs, chooseMode, electronArgs, electronBinaryPath, electronExecutable, summarizeFailure } from '../../../scripts/launch-plan.mjs';

describe('chooseMode', () => {
  it('runs Electron when the runtime and the driver are both there', () => {
    expect(chooseMode({ runtime: { ok: true }, native: { ok: true } })).toEqual({ mode: 'electron' });
  });

  it('falls back to browser mode without the runtime, in one line that gives the reason', () => {
    const plan = chooseMode({ runtime: { ok: false, reason: 'github.com unreachable' }, native: { ok: false, reason: 'not checked' } });
    expect(plan).toEqual({
      mode: 'browser',
      line: 'Electron runtime not available (github.com unreachable); starting Roster in browser mode instead.',
    });
  });

  it('falls back to browser mode without the driver for Electron', () => {
    const plan = chooseMode({ runtime: { ok: true }, native: { ok: false, reason: 'cannot reach electronjs.org' } });
    expect(plan.mode).toBe('browser');
    expect(plan.mode === 'browser' && plan.line).toBe(
      "Electron's SQLite driver not available (cannot reach electronjs.org); starting Roster in browser mode instead.",
    );
  });

  it('never puts a line break in the fallback line', () => {
    const plan = chooseMode({ runtime: { ok: false, reason: summarizeFailure('Error: a\n    at b (c.js:1:1)') }, native: { ok: true } });
    expect(plan.mode === 'browser' && plan.line).not.toMatch(/\n/);
  });
});

describe('arguments', () => {
  const entry = '/r/dist/main/electron.mjs';

  it('gives browser mode every argument unchanged', () => {
    const args = ['--no-open', '--data-dir', '/tmp/x', '--port', '4871'];
    expect(browserArgs('/r/dist/main/web.mjs', args)).toEqual(['/r/dist/main/web.mjs', ...args]);
  });

  it.each([
    [['--data-dir', '/tmp/x'], ['--data-dir', '/tmp/x']],
    [['--no-open', '--data-dir', '/tmp/x', '--port', '4871'], ['--data-dir', '/tmp/x']],
    [['--port=4871', '--data-dir=/tmp/x'], ['--data-dir=/tmp/x']],
    [[], []],
  ])('gives Electron %j as %j (no browser-only options)', (args, expected) => {
    expect(electronArgs(entry, args)).toEqual([entry, ...expected]);
  });
});

describe('where things live', () => {
  it.each([
    ['linux', 'electron'],
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ])('Electron executable on %s is %s, as electron/install.js has it', (platform, file) => {
    expect(electronExecutable(platform)).toBe(file);
  });

  it('finds the runtime in node_modules/electron/dist unless ELECTRON_OVERRIDE_DIST_PATH says otherwise', () => {
    const electronPackageDir = path.join('/r', 'node_modules', 'electron');
    expect(electronBinaryPath({ electronPackageDir, platform: 'linux', env: {} })).toBe(path.join(electronPackageDir, 'dist', 'electron'));
    expect(electronBinaryPath({ electronPackageDir, platform: 'linux', env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' } })).toBe(
      path.join('/opt/e', 'electron'),
    );
  });

  it('keeps one Electron driver per version, platform and arch, outside node_modules', () => {
    const file = electronNativeBindingPath({ root: '/r', electronVersion: '45.5.0', platform: 'linux', arch: 'x64' });
    expect(file).toBe(path.join('/r', '.native', 'electron-45.5.0-linux-x64', 'better_sqlite3.node'));
  });
});

describe('summarizeFailure', () => {
  it('keeps the error message of a Node stack trace', () => {
    const output = 'Downloading...\nTypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async download (x.js:1:1)\n';
    expect(summarizeFailure(output)).toBe('fetch failed');
  });

  it('falls back to the last line when no error line is there', () => {
    expect(summarizeFailure('step 1\nstep 2: no compiler found\n')).toBe('step 2: no compiler found');
    expect(summarizeFailure('')).toBe('no output');
  });

  it('stays short', () => {
    expect(summarizeFailure(`Error: ${'x'.repeat(500)}`).length).toBeLessThanOrEqual(160);
  });
});
