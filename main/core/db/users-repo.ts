// Reads and writes of the users table. No rules live here: services decide, this file only stores.
import type { Person, PersonStatus, Role } from '../../../common/contract.ts';
import type Database from 'better-sqlite3';
import type { Db } from './open-database.ts';

export interface UserRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  role: Role;
  is_active: 0 | 1;
  password_hash: string | null;
  must_change_password: 0 | 1;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
  deactivated_at: number | null;
  /** While a temporary password is held (must_change_password = 1): when it stops working. */
  temporary_password_expires_at: number | null;
  /** Kept by the sign-in throttle: when it stops holding back this address (past or null: not locked). */
  locked_until: number | null;
  /** Kept by triggers on one_time_codes: when this person's last unused, unlocked invite code expires (or null). */
  invite_expires_at: number | null;
}

export function statusOf(row: Pick<UserRow, 'is_active' | 'password_hash'>): PersonStatus {
  if (!row.is_active) return 'deactivated';
  return row.password_hash === null ? 'invited' : 'active';
}

/** An admin who can sign in: active, with a password (an invited admin has none yet). The last-admin rule counts these. */
export function isActiveAdmin(row: Pick<UserRow, 'role' | 'is_active' | 'password_hash'>): boolean {
  return row.role === 'admin' && statusOf(row) === 'active';
}

export const fullName = (u: Pick<UserRow, 'first_name' | 'last_name'>) => `${u.first_name} ${u.last_name}`;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toPerson(row: UserRow): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    role: row.role,
    status: statusOf(row),
    lastLoginAt: isoOrNull(row.last_login_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deactivatedAt: isoOrNull(row.deactivated_at),
    temporaryPasswordExpiresAt: row.must_change_password ? isoOrNull(row.temporary_password_expires_at) : null,
    lockedUntil: isoOrNull(row.locked_until),
  };
}

export interface NewUser {
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  passwordHash: string | null;
  mustChangePassword: boolean;
  temporaryPasswordExpiresAt?: number | null;
}

export type NewInvited = Pick<NewUser, 'firstName' | 'lastName' | 'email' | 'role'>;

export class UsersRepo {
  private readonly byId;
  private readonly byEmail;
  private readonly insertStmt;
  private readonly insertNewStmt;
  private readonly anyUser;
  private readonly activeAdmins;
  private readonly loginStmt;
  private readonly updates = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
    this.byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO users (first_name, last_name, email, role, password_hash, must_change_password, temporary_password_expires_at, created_at, updated_at)
       VALUES (@firstName, @lastName, @email, @role, @passwordHash, @mustChangePassword, @temporaryPasswordExpiresAt, @now, @now)`,
    );
    // One statement for many people: each statement that writes users opens a statement savepoint, and at every
    // savepoint FTS5 writes what it holds to disk as a new segment (then merges segments), so one row per statement
    // cost three times the whole insert (100,000 people into a fresh database, the import's other writes apart:
    // ~4.5 s against ~1.5 s, load ~2). "WHERE true" lets ON CONFLICT follow a SELECT.
    this.insertNewStmt = db.prepare<{ now: number; people: string }, { id: number; email: string }>(
      `INSERT INTO users (first_name, last_name, email, role, password_hash, must_change_password, created_at, updated_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, NULL, 0, @now, @now FROM json_each(@people) WHERE true
       ON CONFLICT (email) DO NOTHING RETURNING id, email`,
    );
    this.anyUser = db.prepare('SELECT 1 FROM users LIMIT 1').pluck();
    // isActiveAdmin, as SQL; it stops at the second: admins may be many, and reading each one's row costs.
    this.activeAdmins = db
      .prepare("SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE role = 'admin' AND is_active = 1 AND password_hash IS NOT NULL LIMIT 2)")
      .pluck();
    this.loginStmt = db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?');
  }

  get(id: number): UserRow | undefined {
    return this.byId.get(id);
  }

  /** A row this transaction has just read or written, so it must be there: a missing one is a bug. */
  require(id: number): UserRow {
    const row = this.get(id);
    if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
    return row;
  }

  findByEmail(email: string): UserRow | undefined {
    return this.byEmail.get(email);
  }

  isEmpty(): boolean {
    return this.anyUser.get() === undefined;
  }

  /** At least two admins can sign in (isActiveAdmin), so one of them may be demoted or deactivated. */
  hasSeveralActiveAdmins(): boolean {
    return (this.activeAdmins.get() as number) >= 2;
  }

  insert(user: NewUser, now: number): UserRow {
    return this.require(Number(this.insertStmt.run(this.params(user, now)).lastInsertRowid));
  }

  /**
   * Adds invited people (no password yet) in one statement, each unless their email is taken: the import's check
   * and insert together. Returns each one's new id, in the order given, or null where the address was taken (by
   * someone already there or by an earlier person in the list). Emails as stored: trimmed and lowercased.
   */
  insertInvitedIfNew(people: readonly NewInvited[], now: number): (number | null)[] {
    const rows = this.insertNewStmt.all({ now, people: JSON.stringify(people.map((p) => [p.firstName, p.lastName, p.email, p.role])) });
    const ids = new Map(rows.map((r) => [r.email, r.id]));
    return people.map((p) => {
      const id = ids.get(p.email);
      ids.delete(p.email); // a second person with the same address was the one skipped
      return id ?? null;
    });
  }

  private params(user: NewUser, now: number) {
    return { ...user, mustChangePassword: user.mustChangePassword ? 1 : 0, temporaryPasswordExpiresAt: user.temporaryPasswordExpiresAt ?? null, now };
  }

  /** Column names come from the UserRow type only, never from input; one prepared statement per column set. */
  update(id: number, fields: Partial<Omit<UserRow, 'id' | 'created_at' | 'invite_expires_at'>>, now: number): UserRow {
    const values: Record<string, unknown> = { ...fields, updated_at: now, id };
    const columns = Object.keys(values).filter((k) => k !== 'id');
    const key = columns.join(',');
    let statement = this.updates.get(key);
    if (!statement) {
      statement = this.db.prepare(`UPDATE users SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
      this.updates.set(key, statement);
    }
    statement.run(values);
    return this.require(id);
  }

  recordLogin(id: number, now: number): void {
    this.loginStmt.run(now, id);
  }
}
