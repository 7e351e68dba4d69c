// Signed-in sessions. The token lives only with the transport (an Electron window, a browser cookie); the
// database keeps its hash. Ending a person's sessions is how deactivation, role and password changes take effect.
import type { Db } from '../db/open-database.ts';
import { newSessionToken, sha256 } from './secrets.ts';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export class Sessions {
  private readonly insert;
  private readonly find;
  private readonly deleteOne;
  private readonly deleteForUser;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.find = db.prepare<[string, number], { user_id: number }>(
      'SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?',
    );
    this.deleteOne = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  }

  /** Returns the new token; only its hash is stored. */
  start(userId: number, now: number): string {
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

  endAllFor(userId: number): void {
    this.deleteForUser.run(userId);
  }
}
