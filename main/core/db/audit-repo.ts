// The audit trail: who did what to whom, and when. Never a password, temporary password or code.
import type { Db } from './open-database.ts';

export type AuditAction =
  | 'first_admin_created'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
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

export interface AuditEntry {
  id: number;
  at: number;
  actor_id: number | null;
  action: AuditAction;
  target_id: number | null;
  details: string;
}

const SECRET_KEYS = /password|code|token|secret|hash/i;

export class AuditRepo {
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (at, actor_id, action, target_id, details) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** Call inside the transaction of the change it records. */
  record(
    at: number,
    actorId: number | null,
    action: AuditAction,
    targetId: number | null,
    details: Record<string, unknown> = {},
  ): void {
    for (const key of Object.keys(details)) {
      // A guard against a future caller passing a secret by mistake: refuse loudly in development and tests.
      if (SECRET_KEYS.test(key)) throw new Error(`audit details must not carry secrets (key "${key}")`);
    }
    this.insertStmt.run(at, actorId, action, targetId, JSON.stringify(details));
  }

  forTarget(targetId: number): AuditEntry[] {
    return this.db
      .prepare<[number], AuditEntry>('SELECT * FROM audit_log WHERE target_id = ? ORDER BY id')
      .all(targetId);
  }

  all(): AuditEntry[] {
    return this.db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY id').all();
  }
}
