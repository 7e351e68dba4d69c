// One wording for every "try again later": whole units, rounded up, singular for one.
import { describe, expect, it } from 'vitest';
import { describeWait, throttled } from '../../../main/core/auth/throttled.ts';
import { PER_ADDRESS_MIN_INTERVAL_MS, ResetRequestThrottle } from '../../../main/core/email/reset-request-throttle.ts';
import type { AppError } from '../../../main/core/errors.ts';

describe('describeWait', () => {
  it.each([
    [0.2, '1 second'],
    [1, '1 second'],
    [2, '2 seconds'],
    [59, '59 seconds'],
    [59.5, '1 minute'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [119 * 60, '119 minutes'],
    [120 * 60, '2 hours'],
    [121 * 60, '3 hours'],
  ])('%s s reads "%s"', (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });
});

describe('throttled', () => {
  it('says what was too many and when to try again, and gives the whole seconds', () => {
    expect(throttled('Too many wrong codes.', 14.2).toJSON()).toEqual({
      code: 'THROTTLED',
      message: 'Too many wrong codes. Try again in 15 seconds.',
      retryAfterSeconds: 15,
    });
  });

  it('a reset request a second early is told "1 second", never "1 seconds"', () => {
    const throttle = new ResetRequestThrottle();
    throttle.take('bob@example.org', 0);
    let refusal: AppError | undefined;
    try {
      throttle.take('bob@example.org', PER_ADDRESS_MIN_INTERVAL_MS - 400);
    } catch (err) {
      refusal = err as AppError;
    }
    expect(refusal?.toJSON()).toEqual({ code: 'THROTTLED', message: 'Too many reset requests. Try again in 1 second.', retryAfterSeconds: 1 });
  });
});
