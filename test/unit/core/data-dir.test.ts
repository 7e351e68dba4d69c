import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AlreadyRunningError, LOCK_FILE, lockDataDir } from '../../../main/core/data-dir-lock.ts';
import { DataDirError, defaultDataDir, prepareDataDir, resolveDataDir } from '../../../main/core/data-dir.ts';
import { tempDir } from '../harness.ts';

describe('the data folder', () => {
  it.each([
    ['win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada', 'C:\\Users\\ada\\AppData\\Roaming\\Roster'],
    ['darwin', {}, '/Users/ada', '/Users/ada/Library/Application Support/Roster'],
    ['linux', {}, '/home/ada', '/home/ada/.config/Roster'],
    ['linux', { XDG_CONFIG_HOME: '/home/ada/.cfg' }, '/home/ada', '/home/ada/.cfg/Roster'],
  ] as const)('on %s is where Electron puts userData', (platform, env, home, expected) => {
    expect(defaultDataDir({ platform, env, home })).toBe(expected);
  });

  it('can be overridden by --data-dir, then ROSTER_DATA_DIR', () => {
    expect(resolveDataDir('/tmp/flag', { ROSTER_DATA_DIR: '/tmp/env' })).toBe('/tmp/flag');
    expect(resolveDataDir(undefined, { ROSTER_DATA_DIR: '/tmp/env' })).toBe('/tmp/env');
  });

  it('is created readable by its owner only', () => {
    const dir = path.join(tempDir(), 'nested', 'Roster');
    prepareDataDir(dir);
    if (process.platform !== 'win32') expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('explains clearly when it cannot be used', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    expect(() => prepareDataDir(path.join(file, 'Roster'))).toThrow(DataDirError);
    expect(() => prepareDataDir(path.join(file, 'Roster'))).toThrow(/Roster cannot use the data folder .*--data-dir/);
  });

  it('is used by one running Roster at a time', async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, LOCK_FILE), String(sleeper.pid));
      expect(() => lockDataDir(dir)).toThrow(AlreadyRunningError);
      expect(() => lockDataDir(dir)).toThrow(/already running with this data folder/);
    } finally {
      sleeper.kill();
    }
    await new Promise((r) => sleeper.once('exit', r));
    const release = lockDataDir(dir); // the owner is gone: its stale lock is taken over
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
