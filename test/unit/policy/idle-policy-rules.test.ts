// The idle policy's rules as pure functions (when a run is due, whom it selects) and its schedule's timers.
import { describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../../common/people-filter.ts';
import { saveIdlePolicyInput, previewIdlePolicyInput } from '../../../common/idle-policy.ts';
import { nextRunAt, policyRunDue, policyWhere } from '../../../main/core/policy/idle-policy-rules.ts';
import { IdlePolicySchedule, POLICY_CHECK_EVERY_MS, POLICY_START_GRACE_MS } from '../../../main/core/policy/idle-policy-schedule.ts';
import { filterSql } from '../../../main/core/db/people-where.ts';

const NOW = Date.UTC(2026, 5, 1);
const on = { enabled: true, days: 90 };
const off = { enabled: false, days: 90 };

describe('when the idle policy runs', () => {
  it.each([
    ['off: never, even with no run on record', off, null, false],
    ['off: never, a year after the last run', off, NOW - 365 * DAY_MS, false],
    ['on, never run: at once', on, null, true],
    ['on, ran a minute ago: not yet', on, NOW - 60_000, false],
    ['on, ran a day less a millisecond ago: not yet', on, NOW - DAY_MS + 1, false],
    ['on, ran exactly a day ago: due', on, NOW - DAY_MS, true],
    ['on, ran a month ago (the clock jumped forward, or the machine slept): due, once', on, NOW - 30 * DAY_MS, true],
    ['on, last run dated after now (the clock was set back): due at once, not in a day', on, NOW + 3 * DAY_MS, true],
  ] as const)('%s', (_name, settings, lastRunAt, due) => {
    expect(policyRunDue(settings, lastRunAt, NOW)).toBe(due);
  });

  it('says when the next run is: a day after the last, now when due, none while off', () => {
    expect(nextRunAt(on, NOW - 60_000, NOW)).toBe(NOW - 60_000 + DAY_MS);
    expect(nextRunAt(on, null, NOW)).toBe(NOW);
    expect(nextRunAt(off, NOW, NOW)).toBeNull();
  });
});

describe('whom the idle policy selects', () => {
  it("is the People filter's own idle condition on the Active tab, users only, less anyone just given a way in", () => {
    const where = policyWhere(90, NOW);
    const idle = filterSql({ kind: 'noSignInFor', days: 90 }, NOW);
    const invited = filterSql({ kind: 'invitePending' }, NOW);
    expect(where.sql).toBe(`is_active = ? AND ${idle.sql} AND role = 'user' AND NOT (${invited.sql}) AND NOT (must_change_password = 1 AND IFNULL(temporary_password_expires_at, 0) > ?)`);
    expect(where.params).toEqual([1, ...idle.params, ...invited.params, NOW]);
  });
});

describe('the policy input', () => {
  it.each([
    [{ days: 30 }, true],
    [{ days: 3650 }, true],
    [{ days: 29 }, false],
    [{ days: 3651 }, false],
    [{ days: 90.5 }, false],
    [{ days: '90' }, false],
    [{ days: 90, extra: 1 }, false],
    [{}, false],
  ])('preview %j is accepted: %s', (input, ok) => {
    expect(previewIdlePolicyInput.safeParse(input).success).toBe(ok);
  });

  it.each([
    [{ enabled: true, days: 90, asOf: NOW }, true],
    [{ enabled: true, days: 90 }, false], // turning on without having looked at who it would deactivate
    [{ enabled: false, days: 90 }, true],
    [{ enabled: 'yes', days: 90 }, false],
    [{ enabled: true, days: 90, asOf: -1 }, false],
  ])('save %j is accepted: %s', (input, ok) => {
    expect(saveIdlePolicyInput.safeParse(input).success).toBe(ok);
  });
});

describe('the schedule', () => {
  it('checks a little after start, then every few minutes, never twice at once, until stopped', async () => {
    vi.useFakeTimers();
    try {
      let checks = 0;
      let runs = 0;
      let finish: () => void = () => {};
      const schedule = new IdlePolicySchedule({
        isDue: () => (checks++, true),
        run: () => {
          runs++;
          return new Promise<void>((resolve) => (finish = resolve));
        },
        logError: () => {},
      });
      schedule.start();
      await vi.advanceTimersByTimeAsync(POLICY_START_GRACE_MS - 1);
      expect(checks).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect([checks, runs]).toEqual([1, 1]);
      // A run still going when the next check comes: the check waits for it rather than starting another.
      await vi.advanceTimersByTimeAsync(2 * POLICY_CHECK_EVERY_MS);
      expect(runs).toBe(1);
      finish();
      await vi.advanceTimersByTimeAsync(POLICY_CHECK_EVERY_MS);
      expect(runs).toBe(2);
      finish();
      schedule.stop();
      await vi.advanceTimersByTimeAsync(10 * POLICY_CHECK_EVERY_MS);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs a failed check or run and keeps checking', async () => {
    vi.useFakeTimers();
    try {
      const logged: string[] = [];
      let calls = 0;
      const schedule = new IdlePolicySchedule({
        isDue: () => {
          if (++calls === 1) throw new Error('settings unreadable');
          return true;
        },
        run: () => Promise.reject(new Error('disk full')),
        logError: (what) => logged.push(what),
      });
      schedule.start();
      await vi.advanceTimersByTimeAsync(POLICY_START_GRACE_MS + POLICY_CHECK_EVERY_MS);
      schedule.stop();
      expect(logged).toEqual(['automatic deactivation policy check', 'automatic deactivation policy']);
    } finally {
      vi.useRealTimers();
    }
  });
});
