// Per-email throttling of guesses at an account: after 10 failures within an hour, each further attempt waits
// 15 s × n^1.5. Wrong sign-in passwords, wrong current passwords and wrong one-time codes share the count: each
// is someone trying to prove they own that address. While an address is held back, the person with that address
// carries when it lifts (users.locked_until), so the People list can show and filter "Locked out" at no extra cost.
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { throttled } from './throttled.ts';

export const FREE_FAILURES = 10;
export const WINDOW_MS = 60 * 60 * 1000;

/** Addresses compare as login_failures.email does (COLLATE NOCASE): ASCII letters folded, nothing else. */
const foldCase = (email: string) => email.replace(/[A-Z]/g, (c) => c.toLowerCase());

const BASE_WAIT_SECONDS = 15;

/** Seconds to wait after the n-th failure beyond the free allowance (n ≥ 1). */
export function waitSecondsAfter(excessFailures: number): number {
  return Math.ceil(BASE_WAIT_SECONDS * Math.pow(excessFailures, 1.5));
}

/** Milliseconds the throttle holds back an address whose recent failures are `n` (0 while within the allowance). */
function holdMs(n: number): number {
  return n < FREE_FAILURES ? 0 : waitSecondsAfter(n - FREE_FAILURES + 1) * 1000;
}

/**
 * When the throttle stops holding back an address whose failures (times, ascending) end with the one just made,
 * or null when it does not hold it back at all. Exact: the wait after the last failure, unless old failures leave
 * the hour's window first and shorten it (the same rule secondsToWait applies at any later moment).
 */
export function lockLiftsAt(failures: readonly number[], windowMs = WINDOW_MS): number | null {
  const last = failures[failures.length - 1];
  if (last === undefined) return null;
  let t = last;
  let oldest = failures.findIndex((at) => at > t - windowMs);
  for (;;) {
    const counted = failures.length - oldest;
    const ends = last + holdMs(counted);
    if (ends <= t) return t === last ? null : t;
    const oldestAt = failures[oldest];
    if (oldestAt === undefined) return t; // unreachable: with nothing counted the hold is 0 and the loop has ended
    const ages = oldestAt + windowMs; // the moment the oldest counted failure stops counting
    if (ends <= ages) return ends;
    t = ages;
    oldest++;
  }
}

const LOCKED_OUT = {
  sign_in_locked: 'Too many failed sign-in attempts.',
  password_change_locked: 'Too many wrong current passwords.',
  code_redeem_locked: 'Too many wrong codes for this address.',
} as const;

export class LoginThrottle {
  private readonly recent;
  private readonly insert;
  private readonly clear;
  private readonly prune;
  private readonly window;
  private readonly failedAddresses;
  private readonly lock;
  private readonly unlock;
  private readonly forgetLifted;

  constructor(db: Db) {
    this.recent = db.prepare<[string, number], { n: number; last: number | null }>(
      'SELECT COUNT(*) AS n, MAX(at) AS last FROM login_failures WHERE email = ? AND at > ?',
    );
    this.insert = db.prepare('INSERT INTO login_failures (email, at) VALUES (?, ?)');
    this.clear = db.prepare('DELETE FROM login_failures WHERE email = ?');
    this.prune = db.prepare('DELETE FROM login_failures WHERE at <= ?');
    this.window = db.prepare<[string, number], number>('SELECT at FROM login_failures WHERE email = ? AND at > ? ORDER BY at').pluck();
    this.failedAddresses = db.prepare<[number], string>('SELECT DISTINCT email FROM login_failures WHERE at > ?').pluck();
    // Straight to the column, not through UsersRepo.update: a guess at someone's password is not an edit of them.
    this.lock = db.prepare('UPDATE users SET locked_until = ? WHERE email = ?');
    this.unlock = db.prepare('UPDATE users SET locked_until = NULL WHERE email = ? AND locked_until IS NOT NULL');
    this.forgetLifted = db.prepare('UPDATE users SET locked_until = NULL WHERE locked_until <= ?');
  }

  /** Seconds the caller must still wait before trying this email again, or 0. */
  secondsToWait(email: string, now: number): number {
    const { n, last } = this.recent.get(email, now - WINDOW_MS) ?? { n: 0, last: null };
    if (n < FREE_FAILURES || last === null) return 0;
    const waitMs = waitSecondsAfter(n - FREE_FAILURES + 1) * 1000;
    return Math.max(0, Math.ceil((last + waitMs - now) / 1000));
  }

  recordFailure(email: string, now: number): void {
    this.insert.run(email, now);
    this.prune.run(now - WINDOW_MS);
    this.forgetLifted.run(now);
    const until = lockLiftsAt(this.window.all(email, now - WINDOW_MS));
    if (until !== null) this.lock.run(until, email);
  }

  /** A proven owner (right password, admin reset, admin unlock): the address starts again with a clean slate. */
  recordSuccess(email: string): void {
    this.clear.run(email);
    this.unlock.run(email);
  }

  /** When the throttle stops holding back `email`, or null when it does not (the same figure the person row carries). */
  lockedUntil(email: string, now: number): number | null {
    const until = lockLiftsAt(this.window.all(email, now - WINDOW_MS));
    return until !== null && until > now ? until : null;
  }

  /** An address's lock moves with it: after an edit, the person's row says whether their new address is held back. */
  followEmail(email: string, now: number): void {
    this.lock.run(this.lockedUntil(email, now), email);
  }

  /**
   * Many people just added (an import): those whose address the throttle holds back (guessed at before they
   * existed) carry the lock, as one added person does. Only the hour's failed addresses are looked at, usually few.
   */
  followNewAddresses(emails: Iterable<string>, now: number): void {
    const failed = new Set(this.failedAddresses.all(now - WINDOW_MS).map(foldCase));
    if (failed.size === 0) return;
    for (const email of emails) if (failed.has(foldCase(email))) this.followEmail(email, now);
  }

  /**
   * Throws THROTTLED while `email` must wait. Only the first refusal per hour and address is audited, with a count
   * of the rest, so a flood of attempts stays one row.
   */
  refuseWhileLocked(
    email: string,
    now: number,
    audit: AuditRepo,
    what: { action: keyof typeof LOCKED_OUT; actorId: number | null; targetId: () => number | null },
  ): void {
    const wait = this.secondsToWait(email, now);
    if (wait <= 0) return;
    audit.recordOncePerWindow(email, WINDOW_MS, now, what.actorId, what.action, what.targetId(), { email, waitSeconds: wait });
    throw throttled(LOCKED_OUT[what.action], wait);
  }
}
