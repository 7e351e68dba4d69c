// Every kind of audit entry Roster records, and which filter group ("kind") it belongs to. The one home of the
// list: the recorder's type (AuditRepo.record), the Activity filters and the wording (activity-wording.ts) all
// derive from this table, so a new action cannot be recorded without a kind, nor shown without words.

export const ACTIVITY_KINDS = ['people', 'roles', 'signIns', 'passwords', 'email', 'backups'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const KIND_LABELS: Record<ActivityKind, string> = {
  people: 'People changes',
  roles: 'Roles',
  signIns: 'Sign-ins',
  passwords: 'Passwords and codes',
  email: 'Email settings',
  backups: 'Backups and the log',
};

export const AUDIT_ACTIONS = {
  first_admin_created: 'people',
  person_added: 'people',
  person_edited: 'people',
  person_deactivated: 'people',
  person_reactivated: 'people',
  people_exported: 'people',
  people_imported: 'people',
  bulk_action: 'people',
  bulk_undone: 'people',
  idle_policy_run: 'people',
  idle_policy_saved: 'people',
  role_changed: 'roles',
  sign_in: 'signIns',
  sign_in_failed: 'signIns',
  sign_in_locked: 'signIns',
  sign_out: 'signIns',
  sessions_ended: 'signIns',
  person_unlocked: 'signIns',
  other_sessions_signed_out: 'signIns',
  password_changed: 'passwords',
  password_change_failed: 'passwords',
  password_change_locked: 'passwords',
  password_reset: 'passwords',
  reset_requested: 'passwords',
  reset_redeemed: 'passwords',
  invite_sent: 'passwords',
  invite_resent: 'passwords',
  invite_renewed: 'passwords',
  invite_revoked: 'passwords',
  invite_redeemed: 'passwords',
  code_locked: 'passwords',
  code_redeem_locked: 'passwords',
  email_settings_saved: 'email',
  email_settings_cleared: 'email',
  test_email_sent: 'email',
  email_send_failed: 'email',
  backup_created: 'backups',
  backup_failed: 'backups',
  backup_settings_saved: 'backups',
  restore_started: 'backups',
  restore_failed: 'backups',
  backup_restored: 'backups',
  restore_rolled_back_at_start: 'backups',
  restore_finished_at_start: 'backups',
  audit_head_started: 'backups',
} as const satisfies Record<string, ActivityKind>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** The actions of the chosen kinds, in the table's order. */
export function actionsOfKinds(kinds: readonly ActivityKind[]): AuditAction[] {
  const wanted = new Set(kinds);
  return AUDIT_ACTION_NAMES.filter((a) => wanted.has(AUDIT_ACTIONS[a]));
}
