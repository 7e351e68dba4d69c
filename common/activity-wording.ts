// Each audit entry in words a person reads: one sentence, and what changed (before → after). Used by the Activity
// page and by the CSV export, so both say the same. The table is typed over every action: an action added to
// audit-actions.ts without words here does not compile (and test/unit/activity/wording.test.ts says which).
import type { ActivityEntry } from './activity.ts';
import type { AuditAction } from './audit-actions.ts';
import { filterLabel, storedFilter } from './people-filter.ts';

export interface Change {
  label: string;
  from: string;
  to: string;
}

export interface Wording {
  sentence: string;
  changes: Change[];
}

type Entry = Pick<ActivityEntry, 'actor' | 'target' | 'details' | 'repeats'>;
type Words = (e: Entry) => string | Wording;

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const count = (n: unknown, one: string, many = `${one}s`) => (typeof n === 'number' ? `${n.toLocaleString('en')} ${n === 1 ? one : many}` : '');
const actor = (e: Entry) => e.actor?.name ?? 'Someone';
const roster = (e: Entry) => e.actor?.name ?? 'Roster';
const target = (e: Entry) => e.target?.name ?? 'a person no longer on record';
const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
/** The address an entry was about: the details' email when recorded, else the concerned person's. */
const address = (e: Entry) => text(e.details.email) || e.target?.email || 'an unknown address';
const times = (e: Entry) => (e.repeats && e.repeats > 1 ? ` ${e.repeats.toLocaleString('en')} times` : '');
const role = (v: unknown) => (v === 'admin' ? 'Admin' : v === 'user' ? 'User' : text(v));
const delivery = (d: Record<string, unknown>) =>
  d.delivery === 'email' ? 'by email' : d.delivery === 'invite_code' ? 'with an invite code handed to the admin' : d.instead === 'invite' ? 'with a temporary password instead of an invite' : 'with a temporary password shown once';
const purposeWords: Record<string, string> = { invite: 'invite', reset: 'password reset', forgot_password: 'password reset', test: 'test' };
const reasonWords: Record<string, string> = {
  SMTP_CONNECTION: 'the mail server could not be reached',
  SMTP_AUTH: 'the mail server refused the username or password',
  SMTP_TLS: 'the secure connection failed',
  SMTP_TIMEOUT: 'the mail server did not answer in time',
  SMTP_FAILED: 'the mail server refused the message',
};

/** before → after for each field of a `changes` map ({ field: { from, to } }), with a label per field. */
function changeList(changes: unknown, labels: Record<string, string>, show: (field: string, v: unknown) => string = (_, v) => text(v)): Change[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown } | null | undefined>).map(([field, c]) => ({
    label: labels[field] ?? field,
    from: show(field, c?.from),
    to: show(field, c?.to),
  }));
}

const PERSON_FIELDS = { firstName: 'First name', lastName: 'Last name', email: 'Email' };
const EMAIL_SETTING_FIELDS = {
  host: 'SMTP host',
  port: 'Port',
  security: 'Security',
  username: 'Username',
  fromAddress: 'From address',
  fromName: 'From name',
  replyTo: 'Reply-to',
  allowSelfSigned: 'Accept self-signed certificates',
  unencryptedLogin: 'Send the password without encryption',
  inviteLifetimeHours: 'Invite valid for (hours)',
  login: 'Login',
};
const BACKUP_SETTING_FIELDS = { automatic: 'Automatic backups', intervalHours: 'Every (hours)', keep: 'Keep', folder: 'Folder' };
const settingValue = (_: string, v: unknown) => (v === true ? 'on' : v === false ? 'off' : v === '' ? '(none)' : text(v));

/** Old entries (before before → after was recorded) carry only the new values: shown as "→ value". */
function settingChanges(d: Record<string, unknown>, labels: Record<string, string>): Change[] {
  if (d.changes) return changeList(d.changes, labels, settingValue);
  return Object.entries(labels)
    .filter(([k]) => k in d)
    .map(([k, label]) => ({ label, from: '', to: settingValue(k, d[k]) }));
}

const BULK_DONE: Record<string, (people: string) => string> = {
  deactivate: (p) => `deactivated ${p}`,
  reactivate: (p) => `reactivated ${p}`,
  makeUser: (p) => `made ${p} Users`,
  makeAdmin: (p) => `made ${p} Admins`,
  signOutEverywhere: (p) => `signed ${p} out everywhere`,
  resendInvites: (p) => `renewed the invites of ${p}`,
};
const bulkDone = (action: unknown, people: string) => (BULK_DONE[text(action)] ?? ((p: string) => `changed ${p}`))(people);

/** Roster acting on its own under the idle policy (no actor: details.policy says so; see idle-policy-write.ts). */
const POLICY_ACTOR = 'Roster (policy)';
const byPolicy = (e: Pick<Entry, 'details'>) => e.details.policy === 'idle';
/** Who did it, when no person did: "Roster (policy)" for the policy's entries (the Activity table's Who, the CSV). */
export const systemActor = (e: Pick<Entry, 'actor' | 'details'>): string | null => (!e.actor && byPolicy(e) ? POLICY_ACTOR : null);
const idleDays = (e: Entry) => (typeof e.details.days === 'number' ? `no sign-in for ${count(e.details.days, 'day')}` : 'no recent sign-in');
const IDLE_POLICY_FIELDS = { enabled: 'Deactivate idle accounts', days: 'After no sign-in for (days)' };

export const WORDING: { [A in AuditAction]: Words } = {
  first_admin_created: (e) => `${actor(e)} set up Roster and became its first admin`,
  person_added: (e) => `${actor(e)} added ${target(e)} (${address(e)}), ${delivery(e.details)}`,
  person_edited: (e) => {
    const changes = changeList(e.details.changes, PERSON_FIELDS);
    const only = changes.length === 1 ? (changes[0] ?? null) : null;
    const sentence = only
      ? `${actor(e)} changed ${possessive(target(e))} ${only.label.toLowerCase()} from ${only.from} to ${only.to}`
      : `${actor(e)} edited ${possessive(target(e))} details`;
    const after: string[] = [];
    if (typeof e.details.sessionsEnded === 'number' && e.details.sessionsEnded > 0) after.push(`${count(e.details.sessionsEnded, 'session')} ended`);
    if (typeof e.details.revokedForOldAddress === 'number' && e.details.revokedForOldAddress > 0) after.push(`${count(e.details.revokedForOldAddress, 'code')} for the old address revoked`);
    if (e.details.newInviteTo) after.push(`a new invite goes to ${text(e.details.newInviteTo)}`);
    return { sentence: after.length ? `${sentence}; ${after.join(', ')}` : sentence, changes };
  },
  person_deactivated: (e) => (byPolicy(e) ? `${POLICY_ACTOR} deactivated ${target(e)}: ${idleDays(e)}` : `${actor(e)} deactivated ${target(e)}`),
  person_reactivated: (e) => `${actor(e)} reactivated ${target(e)}`,
  people_imported: (e) => {
    const how = e.details.delivery === 'email' ? 'invites by email' : 'invite codes handed to the admin';
    return `${actor(e)} imported ${count(e.details.added, 'person', 'people')} from ${text(e.details.file)} (${count(e.details.rows, 'row')}, ${count(e.details.skipped, 'row')} skipped; ${how})`;
  },
  bulk_action: (e) => {
    const done = `${actor(e)} ${bulkDone(e.details.action, count(e.details.changed, 'person', 'people'))} at once`;
    const rest = [count(e.details.unchanged, 'already so', 'already so'), count(e.details.skipped, 'skipped', 'skipped')].filter((s) => s && !s.startsWith('0 '));
    return `${done} (${count(e.details.matched, 'selected', 'selected')}${rest.length ? `, ${rest.join(', ')}` : ''})`;
  },
  bulk_undone: (e) =>
    `${actor(e)} undid “${bulkDone(e.details.action, 'people')}”: ${count(e.details.reverted, 'person', 'people')} reverted${typeof e.details.changedSince === 'number' && e.details.changedSince > 0 ? `, ${count(e.details.changedSince, 'person', 'people')} changed since left alone` : ''}`,
  idle_policy_run: (e) =>
    `${POLICY_ACTOR} deactivated ${count(e.details.deactivated, 'person', 'people') || 'people'} with ${idleDays(e)}`,
  idle_policy_saved: (e) => {
    const on = e.details.enabled === true;
    const sentence = on ? `${actor(e)} turned on the automatic deactivation of accounts with ${idleDays(e)}` : `${actor(e)} turned off the automatic deactivation of idle accounts`;
    const changed = e.details.changes && typeof e.details.changes === 'object' && !('enabled' in e.details.changes) && on;
    return { sentence: changed ? `${actor(e)} changed the automatic deactivation to accounts with ${idleDays(e)}` : sentence, changes: changeList(e.details.changes, IDLE_POLICY_FIELDS, settingValue) };
  },
  people_exported: (e) => {
    if (e.details.selected && !e.details.tab) return `${actor(e)} exported ${count(e.details.rows, 'selected person', 'selected people')} as CSV`;
    const tab = e.details.tab === 'deactivated' ? 'Deactivated' : 'Active';
    const search = text(e.details.search) ? ` matching “${text(e.details.search)}”` : '';
    const filter = storedFilter(e.details.filter);
    const filtered = filter ? `, ${filterLabel(filter)}` : '';
    const picked = e.details.selected ? ', selected' : '';
    return `${actor(e)} exported ${count(e.details.rows, 'person', 'people')} (${tab}${filtered}${search}${picked}) as CSV`;
  },
  role_changed: (e) => ({
    sentence: `${actor(e)} changed ${possessive(target(e))} role from ${role(e.details.from)} to ${role(e.details.to)}`,
    changes: [{ label: 'Role', from: role(e.details.from), to: role(e.details.to) }],
  }),
  sign_in: (e) => `${actor(e)} signed in`,
  sign_in_failed: (e) => {
    const why = e.details.reason === 'disabled' ? ' (the account is deactivated)' : e.details.reason === 'temporary_password_expired' ? ' (the temporary password had expired)' : '';
    return `Sign-in failed${times(e)} for ${address(e)}${why}`;
  },
  sign_in_locked: (e) => `Sign-in refused${times(e)} for ${address(e)}: too many failed attempts`,
  sign_out: (e) => `${actor(e)} signed out`,
  sessions_ended: (e) => `${actor(e)} signed ${target(e)} out everywhere (${count(e.details.sessions, 'session')} ended)`,
  person_unlocked: (e) => `${actor(e)} unlocked ${possessive(target(e))} sign-ins (${address(e)}), which the throttle was holding back`,
  other_sessions_signed_out: (e) => `${actor(e)} signed out their other sessions (${count(e.details.sessionsEnded, 'session')} ended)`,
  password_changed: (e) => `${actor(e)} changed their password`,
  password_change_failed: (e) => `${actor(e)} typed a wrong current password while changing their password`,
  password_change_locked: (e) => `Password change refused${times(e)} for ${address(e)}: too many wrong current passwords`,
  password_reset: (e) => `${actor(e)} reset ${possessive(target(e))} password ${delivery(e.details)}`,
  reset_requested: (e) => {
    if (e.details.reason === 'app_cap') return `Password reset requests went over the hourly limit${times(e)}: nothing was sent`;
    if (e.details.sent) return `A password reset was requested for ${address(e)}: a reset code was emailed`;
    const why = e.details.reason === 'invited' ? 'they have not accepted their invite yet' : 'no active account has that address';
    return `A password reset was requested for ${address(e)}: nothing was sent (${why})`;
  },
  reset_redeemed: (e) => `${actor(e)} chose a new password with an emailed reset code`,
  invite_sent: (e) => `${actor(e)} sent ${target(e)} an invite at ${text(e.details.to) || address(e)}`,
  // Resend invites to many: the new code is made in the action's transaction; its email, if any, is recorded apart.
  invite_renewed: (e) =>
    `${actor(e)} gave ${target(e)} a new invite code (the old one stops working), ${e.details.delivery === 'email' ? `to go by email to ${text(e.details.to) || address(e)}` : 'handed to the admin'}`,
  invite_resent: (e) => `${actor(e)} sent ${target(e)} a new invite at ${text(e.details.to) || address(e)}`,
  invite_revoked: (e) => `${actor(e)} revoked ${possessive(target(e))} invite`,
  invite_redeemed: (e) => `${actor(e)} accepted their invite and chose a password`,
  code_locked: (e) =>
    `${possessive(target(e))} ${purposeWords[text(e.details.purpose)] ?? 'one-time'} code stopped working after ${count(e.details.wrongGuesses, 'wrong guess', 'wrong guesses')}`,
  code_redeem_locked: (e) => `Code entry refused${times(e)} for ${address(e)}: too many wrong codes`,
  email_settings_saved: (e) => ({ sentence: `${actor(e)} saved the email settings`, changes: settingChanges(e.details, EMAIL_SETTING_FIELDS) }),
  email_settings_cleared: (e) => `${actor(e)} removed the email settings`,
  test_email_sent: (e) => `${actor(e)} sent a test email to ${text(e.details.to)}`,
  email_send_failed: (e) => {
    const what = purposeWords[text(e.details.purpose)] ?? 'an';
    const why = reasonWords[text(e.details.reason)] ?? text(e.details.reason);
    const fallback = e.details.fallback === 'temporary_password' ? '; a temporary password was shown instead' : '';
    return `The ${what} email to ${e.target ? target(e) : address(e)} could not be sent${why ? `: ${why}` : ''}${fallback}`;
  },
  backup_created: (e) =>
    `${e.details.kind === 'auto' ? 'Roster made an automatic backup' : `${roster(e)} made a backup`}, ${text(e.details.file)}${typeof e.details.people === 'number' ? ` (${count(e.details.people, 'person', 'people')})` : ''}`,
  backup_failed: (e) => `${e.details.kind === 'auto' ? 'An automatic backup' : `A backup by ${roster(e)}`} failed: ${text(e.details.reason)}`,
  backup_settings_saved: (e) => ({ sentence: `${actor(e)} changed the backup settings`, changes: settingChanges(e.details, BACKUP_SETTING_FIELDS) }),
  restore_started: (e) => `${e.actor ? actor(e) : text(e.details.by) || 'Someone'} restored a backup from ${text(e.details.from)}; this database was saved as ${text(e.details.savedCurrentAs)}`,
  restore_failed: (e) => `${actor(e)} tried to restore ${text(e.details.from)}, which failed: ${text(e.details.reason)}`,
  backup_restored: (e) => {
    const after = [count(e.details.sessionsEnded, 'session') && `${count(e.details.sessionsEnded, 'session')} ended`, count(e.details.invitesAndResetsRevoked, 'code') && `${count(e.details.invitesAndResetsRevoked, 'code')} revoked`].filter(Boolean);
    return `${e.actor ? actor(e) : text(e.details.by) || 'Someone'} restored this database from ${text(e.details.from)}${after.length ? `; ${after.join(', ')}` : ''}`;
  },
  restore_rolled_back_at_start: (e) => `A restore from ${text(e.details.from)} was interrupted; Roster kept the database it had`,
  restore_finished_at_start: (e) => `A restore from ${text(e.details.from)} was interrupted; Roster finished it at start`,
  audit_head_started: (e) =>
    e.details.reason === 'missing'
      ? `Roster found no record of the log's newest entry outside the database (audit-head.json) and started a new one`
      : `Roster started keeping a record of the log's newest entry outside the database (audit-head.json)`,
};

export function describeEntry(entry: Entry & { action: AuditAction }): Wording {
  const wording = WORDING[entry.action] as Words | undefined;
  // Only a row written by something other than Roster can have an action outside the table.
  if (!wording) return { sentence: `An entry Roster does not know ("${entry.action.slice(0, 60)}")`, changes: [] };
  const words = wording(entry);
  return typeof words === 'string' ? { sentence: words, changes: [] } : words;
}

/** "First name: Grace → Gracie; Email: a → b": the changes as one line (the CSV's "Changes" column). */
export function changesLine(changes: Change[]): string {
  return changes.map((c) => (c.from ? `${c.label}: ${c.from} → ${c.to}` : `${c.label}: ${c.to}`)).join('; ');
}
