// The refusal every throttle gives (sign-in, current password, codes, reset requests): what was too many, and how
// long to wait, in words a person reads ("1 second", "2 minutes") and in seconds for the renderer.
import { AppError } from '../errors.ts';

/** A wait in whole units, rounded up so the person never tries again too early. */
export function describeWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return count(whole, 'second');
  const minutes = Math.ceil(whole / 60);
  if (minutes < 120) return count(minutes, 'minute');
  return count(Math.ceil(minutes / 60), 'hour');
}

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** THROTTLED: `what` (a sentence) and when to try again. */
export function throttled(what: string, seconds: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(seconds));
  return new AppError('THROTTLED', `${what} Try again in ${describeWait(retryAfterSeconds)}.`, { retryAfterSeconds });
}
