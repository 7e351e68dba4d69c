// Audit rows as the Activity page and the export show them: the action's kind, the details parsed, and the people
// named, looked up once per batch with their current names.
import type { ActivityEntry, ActivityPerson } from '../../../common/activity.ts';
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../../../common/audit-actions.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database.ts';
import type { AuditRow } from './activity-query.ts';

type PersonRow = { id: number; first_name: string; last_name: string; email: string };
// One statement per connection, whatever the number of ids (preparing one per batch compiled the same query again
// for every 500 entries of an export).
const peopleStatements = new WeakMap<Db, Statement<[string], PersonRow>>();

function people(db: Db, ids: Set<number>): Map<number, ActivityPerson> {
  if (ids.size === 0) return new Map();
  let statement = peopleStatements.get(db);
  if (!statement) {
    statement = db.prepare<[string], PersonRow>('SELECT id, first_name, last_name, email FROM users WHERE id IN (SELECT value FROM json_each(?))');
    peopleStatements.set(db, statement);
  }
  const rows = statement.all(JSON.stringify([...ids]));
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
