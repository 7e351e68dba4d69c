// Signed-in sessions. The token lives only with the transport (an Electron window, a browser tab's key slot); the
// database keeps its hash. Ending a person's sessions is how deactivation, role and password changes take effect.
import type { Db } from '../db/open-database.ts';
import { newSessionToken, sha256 } from './secrets.ts';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session's last call is written at most this often: the Account page shows it to the minute. */
export const SEEN_RESOLUTION_MS = 60 * 1000;

export interface SessionRow {
  id: number;
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
}

export class Sessions {
  private readonly insert;
  private readonly find;
  private readonly deleteOne;
  private readonly deleteForUser;
  private readonly deleteExpired;
  private readonly deleteForUserExcept;
  private readonly seenStmt;
  private readonly forUser;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.find = db.prepare<[string, number], { user_id: number; created_at: number; last_seen_at: number | null }>(
      'SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ? AND expires_at > ?',
    );
    this.deleteOne = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    this.deleteForUserExcept = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?');
    this.seenStmt = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
    this.forUser = db.prepare<[number, number], SessionRow>(
      'SELECT id, token_hash, created_at, last_seen_at FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY IFNULL(last_seen_at, created_at) DESC, id DESC',
    );
  }

  /** Returns the new token; only its hash is stored. Expired sessions are cleared on the way. */
  start(userId: number, now: number): string {
    this.prune(now);
    const token = newSessionToken();
    this.insert.run(sha256(token), userId, now, now + SESSION_LIFETIME_MS);
    return token;
  }

  userIdFor(token: string, now: number): number | undefined {
    return this.find.get(sha256(token), now)?.user_id;
  }

  /**
   * The session's user, noting that it called now. The note is written only when the last one is a minute old, so
   * a busy window costs one small write a minute; `canWrite` false (the database is held elsewhere) skips it, and a
   * write that fails is let go.
   */
  userIdSeen(token: string, now: number, canWrite: boolean): number | undefined {
    const hash = sha256(token);
    const found = this.find.get(hash, now);
    if (!found) return undefined;
    // Never inside another operation's transaction (a re-check of the caller): a failed note there could undo it.
    if (canWrite && !this.db.inTransaction && now - (found.last_seen_at ?? found.created_at) >= SEEN_RESOLUTION_MS) {
      try {
        this.seenStmt.run(now, hash);
      } catch {
        // Best effort: a note that cannot be written (database locked or full) must not refuse the call it notes;
        // the next call a minute on tries again.
      }
    }
    return found.user_id;
  }

  /** A person's live sessions, most recently seen first. */
  listFor(userId: number, now: number): SessionRow[] {
    return this.forUser.all(userId, now);
  }

  end(token: string): void {
    this.deleteOne.run(sha256(token));
  }

  /** Ends every session of the person; `except` keeps the caller's own (someone changing their own details). */
  endAllFor(userId: number, except?: string): number {
    if (!except) return this.deleteForUser.run(userId).changes;
    return this.deleteForUserExcept.run(userId, sha256(except)).changes;
  }

  prune(now: number): void {
    this.deleteExpired.run(now);
  }
}
