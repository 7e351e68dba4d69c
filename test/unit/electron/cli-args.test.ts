// Roster reads --data-dir from Electron's command line, whatever else Electron or Chromium put there.
import { describe, expect, it } from 'vitest';
import { dataDirFlag } from '../../../main/electron/cli-args.ts';

describe('dataDirFlag', () => {
  it.each([
    [['/usr/bin/electron', 'dist/main/electron.mjs', '--data-dir', '/tmp/a'], '/tmp/a'],
    [['/opt/Roster/roster', '--data-dir=/tmp/b'], '/tmp/b'],
    [['/opt/Roster/roster', '--no-sandbox', '--data-dir', '/tmp/c', '--inspect=0'], '/tmp/c'],
    [['/opt/Roster/roster'], undefined],
    [['/opt/Roster/roster', '--data-dir'], undefined], // no value: fall back to the default folder
    [['/opt/Roster/roster', '--data-dir='], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(dataDirFlag(argv)).toBe(expected);
  });
});
