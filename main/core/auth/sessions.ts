// Signed-in sessions. The token lives only with the transport (an Electron window, a browser tab's key slot); the
// database keeps its hash. Ending a person's sessions is how deactivation, role and password changes take effect.
import type { Db } from '../db/open-database.ts';
import { newSessionToken, sha256 } from './secrets.ts';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export class Sessions {
  private readonly insert;
  private readonly find;
  private readonly deleteOne;
  private readonly deleteForUser;
  private readonly deleteExpired;
  private readonly deleteForUserExcept;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.find = db.prepare<[string, number], { user_id: number }>(
      'SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?',
    );
    this.deleteOne = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    this.deleteForUserExcept = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?');
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
