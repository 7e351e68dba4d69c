// The audit trail: who did what to whom, and when. Never a password, temporary password or code. Each entry is
// chained to the one before it (main/core/audit/audit-chain.ts), the previous hash read inside the same
// transaction as the insert, so no two entries can ever claim the same predecessor.
import type { AuditAction } from '../../../common/audit-actions.ts';
import type Database from 'better-sqlite3';
import { entryHash, entryHashHex, GENESIS } from '../audit/audit-chain.ts';
import type { Db } from './open-database.ts';

export type { AuditAction } from '../../../common/audit-actions.ts';

export interface AuditEntry {
  id: number;
  at: number;
  actor_id: number | null;
  action: AuditAction;
  target_id: number | null;
  details: string;
  hash: Buffer | null;
  repeats: number | null;
}

export interface AuditRepoOptions {
  /** Called inside the transaction of each new entry (the head record outside the database follows the log). */
  onAppend?: () => void;
}

const SECRET_KEYS = /password|code|token|secret|hash/i;

/** A guard against a future caller passing a secret by mistake: refuse loudly in development and tests. */
function checkNoSecrets(details: Record<string, unknown>): void {
  for (const key of Object.keys(details)) {
    if (SECRET_KEYS.test(key)) throw new Error(`audit details must not carry secrets (key "${key}")`);
  }
}

/**
 * Entries per INSERT in recordMany: an import's 100,000 took ~25 % less time than with one INSERT each (measured; a
 * json_each INSERT was slower than either). 500 rows of 7 values stay far below SQLite's 32,766 parameters.
 */
const ROWS_PER_INSERT = 500;

/** Repeats of one noisy event (throttled attempts) share one row per window: its details carry the count. */
interface Repeated {
  id: number;
  until: number;
  count: number;
}

export class AuditRepo {
  private readonly insertStmt;
  private readonly headStmt;
  private readonly countStmt;
  private readonly append;
  private readonly appendMany;
  private readonly insertRowsStmts = new Map<number, Database.Statement>();
  private readonly repeated = new Map<string, Repeated>();

  constructor(
    private readonly db: Db,
    private readonly options: AuditRepoOptions = {},
  ) {
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (id, at, actor_id, action, target_id, details, hash, repeats) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.headStmt = db.prepare<[], { id: number; hash: Buffer | null }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.countStmt = db.prepare('UPDATE audit_log SET repeats = ? WHERE id = ?');
    // IMMEDIATE on its own; inside a caller's transaction it is a savepoint of that one (better-sqlite3 nests them).
    this.append = db.transaction((at: number, actorId: number | null, action: AuditAction, targetId: number | null, details: string, repeats: number | null): number => {
      const head = this.headStmt.get();
      const id = (head?.id ?? 0) + 1;
      const hash = entryHash(head?.hash ?? GENESIS, { id, at, actor_id: actorId, action, target_id: targetId, details });
      this.insertStmt.run(id, at, actorId, action, targetId, details, hash, repeats);
      this.options.onAppend?.();
      return id;
    });
    this.appendMany = db.transaction((entries: { at: number; actorId: number | null; action: AuditAction; targetId: number | null; details: string }[]) => {
      const head = this.headStmt.get();
      let id = head?.id ?? 0;
      // Chained in hex, the form the hash function takes and gives; SQL's unhex() stores the bytes.
      let previous = (head?.hash ?? GENESIS).toString('hex');
      for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
        const values: unknown[] = [];
        const rows = entries.slice(start, start + ROWS_PER_INSERT);
        for (const e of rows) {
          id++;
          previous = entryHashHex(previous, { id, at: e.at, actor_id: e.actorId, action: e.action, target_id: e.targetId, details: e.details });
          values.push(id, e.at, e.actorId, e.action, e.targetId, e.details, previous);
        }
        this.insertRows(rows.length).run(values);
      }
      if (entries.length) this.options.onAppend?.();
    });
  }

  /** INSERT … VALUES with `count` rows, prepared once per count (a full chunk, and a last one). */
  private insertRows(count: number): Database.Statement {
    let statement = this.insertRowsStmts.get(count);
    if (!statement) {
      const row = '(?, ?, ?, ?, ?, ?, unhex(?), NULL)';
      statement = this.db.prepare(`INSERT INTO audit_log (id, at, actor_id, action, target_id, details, hash, repeats) VALUES ${Array(count).fill(row).join(', ')}`);
      if (this.insertRowsStmts.size > 8) this.insertRowsStmts.clear();
      this.insertRowsStmts.set(count, statement);
    }
    return statement;
  }

  /**
   * Many entries in one go (an import's person_added rows): chained exactly as one record() call each would be, in
   * one savepoint instead of one per entry, and 500 to an INSERT. Call inside the transaction of the change they record.
   */
  recordMany(entries: { at: number; actorId: number | null; action: AuditAction; targetId: number | null; details: Record<string, unknown> }[]): void {
    for (const e of entries) checkNoSecrets(e.details);
    this.appendMany.immediate(entries.map((e) => ({ ...e, details: JSON.stringify(e.details) })));
  }

  /** The newest entry and its hash: what the head record outside the database names. */
  head(): { id: number; hash: Buffer | null } | undefined {
    return this.headStmt.get();
  }

  /** Call inside the transaction of the change it records. Returns the row's id. */
  record(
    at: number,
    actorId: number | null,
    action: AuditAction,
    targetId: number | null,
    details: Record<string, unknown> = {},
    repeats: number | null = null,
  ): number {
    checkNoSecrets(details);
    return this.append.immediate(at, actorId, action, targetId, JSON.stringify(details), repeats);
  }

  /**
   * For events anyone can cause in bulk (throttled sign-ins, reset requests past the cap): the first one per `key`
   * and window is recorded, later ones within the window only raise its `count`, so noise cannot flood the log.
   */
  recordOncePerWindow(
    key: string,
    windowMs: number,
    at: number,
    actorId: number | null,
    action: AuditAction,
    targetId: number | null,
    details: Record<string, unknown> = {},
  ): void {
    const slot = `${action}:${key}`;
    const seen = this.repeated.get(slot);
    if (seen && at < seen.until) {
      seen.count++;
      this.countStmt.run(seen.count, seen.id);
      return;
    }
    const id = this.record(at, actorId, action, targetId, details, 1);
    if (this.repeated.size >= 1000) for (const [k, r] of this.repeated) if (r.until <= at) this.repeated.delete(k);
    this.repeated.set(slot, { id, until: at + windowMs, count: 1 });
  }
}
