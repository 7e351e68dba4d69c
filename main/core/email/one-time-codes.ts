// One-time codes for invites and password resets: stored only as a SHA-256 hash, single use, expiring, at most
// MAX_CODE_ATTEMPTS wrong tries, and a new code for a person invalidates their older ones.
import { timingSafeEqual } from 'node:crypto';
import { oneTimeCode, sha256 } from '../auth/secrets.ts';
import type { Db } from '../db/open-database.ts';

export type CodePurpose = 'invite' | 'reset';
export const MAX_CODE_ATTEMPTS = 5;
export const RESET_CODE_LIFETIME_MS = 60 * 60 * 1000;

interface CodeRow {
  id: number;
  purpose: CodePurpose;
  code_hash: string;
}

export type CodeCheck = { ok: true; codeId: number; purpose: CodePurpose } | { ok: false };

export class OneTimeCodes {
  private readonly insertStmt;
  private readonly revokeStmt;
  private readonly liveStmt;
  private readonly failStmt;
  private readonly consumeStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.revokeStmt = db.prepare('UPDATE one_time_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL');
    this.liveStmt = db.prepare<[number, number, number], CodeRow>(
      `SELECT id, purpose, code_hash FROM one_time_codes
       WHERE user_id = ? AND used_at IS NULL AND expires_at > ? AND failed_attempts < ? ORDER BY id DESC LIMIT 1`,
    );
    this.failStmt = db.prepare('UPDATE one_time_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?');
    this.consumeStmt = db.prepare(
      'UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ? AND failed_attempts < ?',
    );
  }

  /** Issues a new code (returned for display, as ABCDE-12345) and invalidates older ones. Call inside the change's transaction. */
  issue(userId: number, purpose: CodePurpose, now: number, lifetimeMs: number): string {
    this.revokeAll(userId, now);
    const code = oneTimeCode();
    this.insertStmt.run(userId, purpose, sha256(code.normalized), now, now + lifetimeMs);
    return code.display;
  }

  revokeAll(userId: number, now: number): void {
    this.revokeStmt.run(now, userId);
  }

  /** Compares a normalised code with the person's live one; a wrong code counts against it. Call in a write transaction. */
  check(userId: number, normalizedCode: string, now: number): CodeCheck {
    const live = this.liveStmt.get(userId, now, MAX_CODE_ATTEMPTS);
    if (!live) return { ok: false };
    const matches = timingSafeEqual(Buffer.from(sha256(normalizedCode), 'hex'), Buffer.from(live.code_hash, 'hex'));
    if (!matches) {
      this.failStmt.run(live.id);
      return { ok: false };
    }
    return { ok: true, codeId: live.id, purpose: live.purpose };
  }

  /** Marks a checked code used; false when it was used, revoked or expired since it was checked. */
  consume(codeId: number, now: number): boolean {
    return this.consumeStmt.run(now, codeId, now, MAX_CODE_ATTEMPTS).changes === 1;
  }
}
