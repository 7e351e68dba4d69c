// Per-email throttling of guesses at an account: after 10 failures within an hour, each further attempt waits
// 15 s × n^1.5. Wrong sign-in passwords, wrong current passwords and wrong one-time codes share the count: each
// is someone trying to prove they own that address.
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { throttled } from './throttled.ts';

export const FREE_FAILURES = 10;
export const WINDOW_MS = 60 * 60 * 1000;
const BASE_WAIT_SECONDS = 15;

/** Seconds to wait after the n-th failure beyond the free allowance (n ≥ 1). */
export function waitSecondsAfter(excessFailures: number): number {
  return Math.ceil(BASE_WAIT_SECONDS * Math.pow(excessFailures, 1.5));
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

  constructor(db: Db) {
    this.recent = db.prepare<[string, number], { n: number; last: number | null }>(
      'SELECT COUNT(*) AS n, MAX(at) AS last FROM login_failures WHERE email = ? AND at > ?',
    );
    this.insert = db.prepare('INSERT INTO login_failures (email, at) VALUES (?, ?)');
    this.clear = db.prepare('DELETE FROM login_failures WHERE email = ?');
    this.prune = db.prepare('DELETE FROM login_failures WHERE at <= ?');
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
  }

  recordSuccess(email: string): void {
    this.clear.run(email);
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
