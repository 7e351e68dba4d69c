// One-time codes for invites and password resets: stored only as an HMAC keyed by a secret kept outside the
// database (a stolen copy of roster.db or of a backup cannot be brute-forced offline: 50 bits fall to a GPU in
// a day under a bare SHA-256), single use, expiring, and a new code for a person invalidates their older ones.
// Wrong guesses slow further guesses for the address (see redeemCode); a code itself dies only after
// MAX_CODE_ATTEMPTS wrong tries, a count at which guessing a 50-bit code is hopeless anyway.
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { SmtpSettings } from '../../../common/contract.ts';
import { oneTimeCode, sha256 } from '../auth/secrets.ts';
import { TEMPORARY_PASSWORD_LIFETIME_MS } from '../auth/temporary-password.ts';
import type { Db } from '../db/open-database.ts';

export type CodePurpose = 'invite' | 'reset';
/** 1,000 tries at a 2^50 space: about one chance in a trillion; the per-address back-off makes even that take weeks. */
export const MAX_CODE_ATTEMPTS = 1000;
export const RESET_CODE_LIFETIME_MS = 60 * 60 * 1000;
/** The file in the data folder holding the HMAC key (owner-only, like secret.key). */
export const CODE_KEY_FILE = 'codes.key';
const HMAC_PREFIX = 'hmac:';

/**
 * How long invite codes handed out in bulk (an import, Resend invites) work: the invite lifetime of the email
 * settings, or, with no email (codes handed to the admin to pass on), as long as a temporary password.
 */
export const bulkInviteLifetimeMs = (settings: Pick<SmtpSettings, 'inviteLifetimeHours'> | null) =>
  settings ? settings.inviteLifetimeHours * 60 * 60 * 1000 : TEMPORARY_PASSWORD_LIFETIME_MS;

interface CodeRow {
  id: number;
  purpose: CodePurpose;
  code_hash: string;
  failed_attempts: number;
}

export type CodeCheck =
  | { ok: true; codeId: number; purpose: CodePurpose }
  /** `locked`: this wrong guess was the last the code allowed; it no longer works. */
  | { ok: false; locked?: { purpose: CodePurpose; attempts: number } };

export interface InviteCodeInfo {
  createdAt: number;
  expiresAt: number;
  lockedAt: number | null;
  failedAttempts: number;
}

export class OneTimeCodes {
  private readonly insertStmt;
  private readonly insertManyStmt;
  private readonly revokeStmt;
  private readonly revokeManyStmt;
  private readonly liveStmt;
  private readonly failStmt;
  private readonly lockStmt;
  private readonly consumeStmt;
  private readonly pruneStmt;
  private readonly inviteStmt;

  /** `key` gives the HMAC key (read from its file on first use). */
  constructor(
    db: Db,
    private readonly key: () => Buffer,
  ) {
    this.insertStmt = db.prepare(
      'INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertManyStmt = db.prepare<{ purpose: CodePurpose; now: number; expires: number; rows: string }>(
      `INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at)
       SELECT value ->> 0, @purpose, value ->> 1, @now, @expires FROM json_each(@rows)`,
    );
    this.revokeStmt = db.prepare('UPDATE one_time_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL');
    this.revokeManyStmt = db.prepare('UPDATE one_time_codes SET used_at = ? WHERE user_id IN (SELECT value FROM json_each(?)) AND used_at IS NULL');
    this.liveStmt = db.prepare<[number, number, number], CodeRow>(
      `SELECT id, purpose, code_hash, failed_attempts FROM one_time_codes
       WHERE user_id = ? AND used_at IS NULL AND expires_at > ? AND failed_attempts < ? ORDER BY id DESC LIMIT 1`,
    );
    this.failStmt = db.prepare('UPDATE one_time_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?');
    this.lockStmt = db.prepare('UPDATE one_time_codes SET failed_attempts = failed_attempts + 1, locked_at = ? WHERE id = ?');
    this.consumeStmt = db.prepare(
      'UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ? AND failed_attempts < ?',
    );
    this.pruneStmt = db.prepare('DELETE FROM one_time_codes WHERE expires_at <= ?');
    this.inviteStmt = db.prepare<[number], InviteCodeInfo>(
      `SELECT created_at AS createdAt, expires_at AS expiresAt, locked_at AS lockedAt, failed_attempts AS failedAttempts
       FROM one_time_codes WHERE user_id = ? AND purpose = 'invite' AND used_at IS NULL ORDER BY id DESC LIMIT 1`,
    );
  }

  private hmac(normalizedCode: string, key: Buffer | KeyObject = this.key()): string {
    return HMAC_PREFIX + createHmac('sha256', key).update(normalizedCode).digest('hex');
  }

  /** Issues a new code (returned for display, as ABCDE-12345) and invalidates older ones. Call inside the change's transaction. */
  issue(userId: number, purpose: CodePurpose, now: number, lifetimeMs: number): string {
    this.pruneStmt.run(now);
    this.revokeAll(userId, now);
    const code = oneTimeCode();
    this.insertStmt.run(userId, purpose, this.hmac(code.normalized), now, now + lifetimeMs);
    return code.display;
  }

  /**
   * One code each for people added this very transaction (an import): they hold no older code, so none is pruned
   * or revoked; one statement for the lot. Returns the codes for display, in the order of `userIds`.
   */
  issueForNewPeople(userIds: readonly number[], purpose: CodePurpose, now: number, lifetimeMs: number): string[] {
    const key = createSecretKey(this.key()); // one key object for the batch: a raw key is re-imported per HMAC
    const shown: string[] = [];
    const rows = userIds.map((id) => {
      const code = oneTimeCode();
      shown.push(code.display);
      return [id, this.hmac(code.normalized, key)];
    });
    this.insertManyStmt.run({ purpose, now, expires: now + lifetimeMs, rows: JSON.stringify(rows) });
    return shown;
  }

  /**
   * A new code each for many people who may hold older ones (Resend invites to a selection): their older codes stop
   * working and the new ones are written, a statement each for the lot. Returns the codes for display, in order.
   */
  reissueMany(userIds: readonly number[], purpose: CodePurpose, now: number, lifetimeMs: number): string[] {
    this.revokeManyStmt.run(now, JSON.stringify(userIds));
    return this.issueForNewPeople(userIds, purpose, now, lifetimeMs);
  }

  revokeAll(userId: number, now: number): number {
    return this.revokeStmt.run(now, userId).changes;
  }

  /** Compares a normalised code with the person's live one; a wrong code counts against it. Call in a write transaction. */
  check(userId: number, normalizedCode: string, now: number): CodeCheck {
    const live = this.liveStmt.get(userId, now, MAX_CODE_ATTEMPTS);
    if (!live) return { ok: false };
    // Codes issued before HMACs (a bare SHA-256) keep working until they expire, so no pending invite dies.
    const expected = live.code_hash.startsWith(HMAC_PREFIX) ? this.hmac(normalizedCode) : sha256(normalizedCode);
    const a = Buffer.from(expected);
    const b = Buffer.from(live.code_hash);
    if (a.length === b.length && timingSafeEqual(a, b)) return { ok: true, codeId: live.id, purpose: live.purpose };
    const attempts = live.failed_attempts + 1;
    if (attempts < MAX_CODE_ATTEMPTS) {
      this.failStmt.run(live.id);
      return { ok: false };
    }
    this.lockStmt.run(now, live.id);
    return { ok: false, locked: { purpose: live.purpose, attempts } };
  }

  /** Marks a checked code used; false when it was used, revoked or expired since it was checked. */
  consume(codeId: number, now: number): boolean {
    return this.consumeStmt.run(now, codeId, now, MAX_CODE_ATTEMPTS).changes === 1;
  }

  /** The person's latest invite code that was neither used nor revoked, live or not; undefined when there is none. */
  latestInvite(userId: number): InviteCodeInfo | undefined {
    return this.inviteStmt.get(userId);
  }

  /** Expired codes are of no use to anyone: deleted when a code is issued, and at start. */
  prune(now: number): void {
    this.pruneStmt.run(now);
  }
}
