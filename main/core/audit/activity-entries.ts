// Audit rows as the Activity page and the export show them: the action's kind, the details parsed, and the people
// named, looked up once per batch with their current names.
import type { ActivityEntry, ActivityPerson } from '../../../common/activity.ts';
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../../../common/audit-actions.ts';
import type { Db } from '../db/open-database.ts';
import type { AuditRow } from './activity-query.ts';

function people(db: Db, ids: Set<number>): Map<number, ActivityPerson> {
  if (ids.size === 0) return new Map();
  const list = [...ids];
  const rows = db
    .prepare<number[], { id: number; first_name: string; last_name: string; email: string }>(
      `SELECT id, first_name, last_name, email FROM users WHERE id IN (${list.map(() => '?').join(', ')})`,
    )
    .all(...list);
  return new Map(rows.map((r) => [r.id, { id: r.id, name: `${r.first_name} ${r.last_name}`, email: r.email }]));
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function toEntries(db: Db, rows: AuditRow[]): ActivityEntry[] {
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.actor_id !== null) ids.add(r.actor_id);
    if (r.target_id !== null) ids.add(r.target_id);
  }
  const named = people(db, ids);
  const person = (id: number | null) => (id === null ? null : (named.get(id) ?? { id, name: `Person #${id}`, email: '' }));
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    // An action this Roster does not know can only come from outside Roster; it is shown as it is, under backups.
    action: r.action as AuditAction,
    kind: isAuditAction(r.action) ? AUDIT_ACTIONS[r.action] : 'backups',
    actor: person(r.actor_id),
    target: person(r.target_id),
    details: parseDetails(r.details),
    repeats: r.repeats,
  }));
}
