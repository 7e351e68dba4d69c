// The audit trail: who did what to whom, and when. Never a password, temporary password or code.
import type { Db } from './open-database.ts';

export type AuditAction =
  | 'first_admin_created'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
  | 'password_change_failed'
  | 'password_change_locked'
  | 'code_redeem_locked'
  | 'code_locked'
  | 'sign_out'
  | 'password_changed'
  | 'person_added'
  | 'person_edited'
  | 'password_reset'
  | 'person_deactivated'
  | 'person_reactivated'
  | 'role_changed'
  | 'invite_sent'
  | 'invite_resent'
  | 'invite_revoked'
  | 'invite_redeemed'
  | 'reset_requested'
  | 'reset_redeemed'
  | 'email_send_failed'
  | 'email_settings_saved'
  | 'email_settings_cleared'
  | 'test_email_sent'
  | 'backup_created'
  | 'backup_failed'
  | 'backup_settings_saved'
  | 'restore_started'
  | 'restore_failed'
  | 'backup_restored'
  | 'restore_rolled_back_at_start'
  | 'restore_finished_at_start';

const SECRET_KEYS = /password|code|token|secret|hash/i;

/** Repeats of one noisy event (throttled attempts) share one row per window: its details carry the count. */
interface Repeated {
  id: number;
  until: number;
  count: number;
}

export class AuditRepo {
  private readonly insertStmt;
  private readonly countStmt;
  private readonly repeated = new Map<string, Repeated>();

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (at, actor_id, action, target_id, details) VALUES (?, ?, ?, ?, ?)',
    );
    this.countStmt = db.prepare("UPDATE audit_log SET details = json_set(details, '$.count', ?) WHERE id = ?");
  }

  /** Call inside the transaction of the change it records. Returns the row's id. */
  record(
    at: number,
    actorId: number | null,
    action: AuditAction,
    targetId: number | null,
    details: Record<string, unknown> = {},
  ): number {
    for (const key of Object.keys(details)) {
      // A guard against a future caller passing a secret by mistake: refuse loudly in development and tests.
      if (SECRET_KEYS.test(key)) throw new Error(`audit details must not carry secrets (key "${key}")`);
    }
    return Number(this.insertStmt.run(at, actorId, action, targetId, JSON.stringify(details)).lastInsertRowid);
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
    const id = this.record(at, actorId, action, targetId, { ...details, count: 1 });
    if (this.repeated.size >= 1000) for (const [k, r] of this.repeated) if (r.until <= at) this.repeated.delete(k);
    this.repeated.set(slot, { id, until: at + windowMs, count: 1 });
  }
}
