// When the sign-in throttle lets an address go, as the Locked chip shows it: the same moment secondsToWait reaches 0.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, LoginThrottle, lockLiftsAt, waitSecondsAfter, WINDOW_MS } from '../../../main/core/auth/login-throttle.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { tempDir } from '../harness.ts';

const S = 1000;
const MIN = 60 * S;
const times = (n: number, start: number, step: number) => Array.from({ length: n }, (_, i) => start + i * step);

describe('lockLiftsAt', () => {
  it.each([
    ['no failures', [], null],
    ['fewer failures than the free allowance', times(FREE_FAILURES - 1, 0, S), null],
    ['exactly the allowance: the first wait after the last failure', times(FREE_FAILURES, 0, S), 9 * S + waitSecondsAfter(1) * S],
    ['three beyond the allowance: a longer wait', times(FREE_FAILURES + 2, 0, S), 11 * S + waitSecondsAfter(3) * S],
    // Nine failures at minute 0 and five at minute 59: the wait (~168 s) would end after minute 60, but at minute 60
    // the nine old ones leave the hour's window and only five remain, under the allowance.
    ['old failures leaving the window end it early', [...times(9, 0, 0), ...times(5, 59 * MIN, 0)], WINDOW_MS],
  ])('%s', (_, failures, expected) => {
    expect(lockLiftsAt(failures)).toBe(expected);
  });

  it('agrees with secondsToWait at every second around the moment it names', async () => {
    const db = await openDatabase(path.join(tempDir(), 'roster.db'));
    try {
      const throttle = new LoginThrottle(db);
      const failures = [...times(6, 0, 30 * S), ...times(8, 58 * MIN, 10 * S)];
      for (const at of failures) throttle.recordFailure('x@example.org', at);
      const last = failures[failures.length - 1]!;
      const lifts = lockLiftsAt(failures)!;
      expect(lifts).toBeGreaterThan(last);
      expect(throttle.secondsToWait('x@example.org', lifts - S)).toBeGreaterThan(0);
      expect(throttle.secondsToWait('x@example.org', lifts)).toBe(0);
      expect(throttle.lockedUntil('x@example.org', last)).toBe(lifts);
      expect(throttle.lockedUntil('x@example.org', lifts)).toBeNull();
    } finally {
      closeDatabase(db);
    }
  });
});
