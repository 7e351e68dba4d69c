// A bulk action and its undo as database work, on whichever connection runs it (the bulk worker's own): the
// selection is resolved, judged by bulk-rules.ts, changed, audited (an entry per person and one for the action) and
// remembered for Undo, all inside ONE IMMEDIATE transaction. Nothing is written unless all of it is.
import type { BulkAction, BulkProgress, BulkResult, NamedPerson, SkipReason, UndoResult } from '../../../common/bulk.ts';
import { SKIPPED_LISTED, UNDOABLE } from '../../../common/bulk.ts';
import type { Role } from '../../../common/contract.ts';
import type { AuditAction } from '../../../common/audit-actions.ts';
import { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import type { UserRow } from '../db/users-repo.ts';
import { planBulk, stillAsLeft, UNDO_OF, type Candidate } from './bulk-rules.ts';
import { selectionQuery, type Selection } from './bulk-selection.ts';
import { renewInvites, type HandOut, type InviteOrder } from './resend-invites-write.ts';

export interface BulkOrder {
  actorId: number;
  action: BulkAction;
  selection: Selection;
  now: number;
  /** When a view's filter is judged: the confirmation's preview (now, without one). */
  judgeAt: number;
  /** Resend invites: how the new codes are made and go out. */
  invites?: InviteOrder;
}

export interface UndoOrder {
  actorId: number;
  bulkId: number;
  now: number;
}

/** A coded refusal the worker carries to main unchanged (main turns it into an AppError). */
export class BulkRefusal extends Error {
  constructor(
    readonly code: 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

type Report = (progress: BulkProgress) => void;

/** What the rules and the result read of a person (COLUMNS): their row, with a password's presence but not its hash. */
export type Row = Pick<UserRow, 'id' | 'first_name' | 'last_name' | 'email' | 'role' | 'is_active' | 'updated_at'> & { has_password: 0 | 1 };

export const COLUMNS = 'id, first_name, last_name, email, role, is_active, password_hash IS NOT NULL AS has_password, updated_at';
const candidate = (r: Row): Candidate & { updatedAt: number } => ({ id: r.id, role: r.role, isActive: r.is_active === 1, hasPassword: r.has_password === 1, updatedAt: r.updated_at });
const named = (r: Row): NamedPerson => ({ id: r.id, name: `${r.first_name} ${r.last_name}`, email: r.email });

function requireAdmin(db: Db, actorId: number): void {
  // Checked inside the write: an admin who lost the role or was deactivated since confirming changes no one.
  const actor = db.prepare<[number], { role: Role; is_active: number }>('SELECT role, is_active FROM users WHERE id = ?').get(actorId);
  if (!actor || actor.is_active !== 1 || actor.role !== 'admin') throw new BulkRefusal('FORBIDDEN', 'Only admins can do that.');
}

/** Admins who can sign in, counted up to `upTo` (there may be thousands; the rules only need to know there are enough). */
export const activeAdmins = (db: Db, upTo: number) =>
  db.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM users WHERE role = 'admin' AND is_active = 1 AND password_hash IS NOT NULL LIMIT ?)").pluck().get(upTo) as number;

/** The people changed per round of statements: each round is a handful of set-based statements and a progress report. */
const CHUNK = 5000;

/** The set-based statements that change a chunk of people (a JSON array of ids), and each change's audit entry. */
function changer(db: Db, action: Exclude<BulkAction, 'signOutEverywhere' | 'resendInvites'>, now: number) {
  const inChunk = 'IN (SELECT value FROM json_each(?))';
  const endSessions = db.prepare(`DELETE FROM sessions WHERE user_id ${inChunk}`);
  const revokeCodes = db.prepare(`UPDATE one_time_codes SET used_at = ? WHERE used_at IS NULL AND user_id ${inChunk}`);
  switch (action) {
    case 'deactivate': {
      const update = db.prepare(`UPDATE users SET is_active = 0, deactivated_at = ?, updated_at = ? WHERE id ${inChunk}`);
      return {
        run: (ids: string) => {
          update.run(now, now, ids);
          endSessions.run(ids);
          revokeCodes.run(now, ids);
        },
        entry: () => ({ action: 'person_deactivated' as AuditAction, details: {} }),
      };
    }
    case 'reactivate': {
      const update = db.prepare(`UPDATE users SET is_active = 1, deactivated_at = NULL, updated_at = ? WHERE id ${inChunk}`);
      return { run: (ids: string) => void update.run(now, ids), entry: () => ({ action: 'person_reactivated' as AuditAction, details: {} }) };
    }
    case 'makeUser':
    case 'makeAdmin': {
      const to: Role = action === 'makeAdmin' ? 'admin' : 'user';
      const update = db.prepare(`UPDATE users SET role = ?, updated_at = ? WHERE id ${inChunk}`);
      return {
        run: (ids: string) => {
          update.run(to, now, ids);
          endSessions.run(ids); // a new role takes effect at the next sign-in, as with one person's change
        },
        entry: (r: Row) => ({ action: 'role_changed' as AuditAction, details: { from: r.role, to } }),
      };
    }
  }
}

interface Applied {
  changed: Row[];
  unchanged: number;
  skipped: (NamedPerson & { reason: SkipReason })[];
}

/**
 * Judges `rows` for `action`, changes those the rules allow, and audits each change with `extra` in its details.
 * `actorId` null: Roster itself acting (the idle policy, main/core/policy), recorded with no actor.
 */
export function apply(db: Db, rows: Row[], action: BulkAction, actorId: number | null, now: number, extra: Record<string, unknown>, report: Report, invites?: { order: InviteOrder; handOut: HandOut }): Applied {
  const audit = new AuditRepo(db);
  const verdicts = planBulk(rows.map(candidate), action, { actorId, activeAdmins: (upTo) => activeAdmins(db, upTo) });
  const changed: Row[] = [];
  const skipped: Applied['skipped'] = [];
  let unchanged = 0;
  rows.forEach((r, i) => {
    const v = verdicts[i];
    if (v?.kind === 'change') changed.push(r);
    else if (v?.kind === 'skip') skipped.push({ ...named(r), reason: v.reason });
    else unchanged++;
  });
  const total = changed.length;
  const shown = extra.undo ? 'undo' : action;
  report({ action: shown, phase: 'writing', done: 0, total });
  if (action === 'signOutEverywhere') return signOut(db, audit, changed, unchanged, skipped, actorId, now, extra);
  if (action === 'resendInvites') {
    if (!invites) throw new Error('Resend invites without an invite order');
    renewInvites(db, changed, { actorId, now, extra }, invites.order, invites.handOut, report);
    return { changed, unchanged, skipped };
  }

  const change = changer(db, action, now);
  for (let at = 0; at < total; at += CHUNK) {
    const chunk = changed.slice(at, at + CHUNK);
    change.run(JSON.stringify(chunk.map((r) => r.id)));
    audit.recordMany(
      chunk.map((r) => {
        const { action: audited, details } = change.entry(r);
        return { at: now, actorId, action: audited, targetId: r.id, details: { ...details, ...extra } };
      }),
    );
    report({ action: shown, phase: 'writing', done: at + chunk.length, total });
  }
  // The rules keep an admin; this is the database saying so, so a mistake there rolls everything back.
  if ((action === 'deactivate' || action === 'makeUser') && activeAdmins(db, 1) < 1) throw new Error('a bulk action would have left no admin');
  return { changed, unchanged, skipped };
}

/** Sign out everywhere: every session of those people ended by ONE statement; an entry for each who had any. */
function signOut(db: Db, audit: AuditRepo, people: Row[], unchanged: number, skipped: Applied['skipped'], actorId: number | null, now: number, extra: Record<string, unknown>): Applied {
  const ids = JSON.stringify(people.map((r) => r.id));
  const counts = new Map(
    db
      .prepare<[string], [number, number]>('SELECT user_id, COUNT(*) FROM sessions WHERE user_id IN (SELECT value FROM json_each(?)) GROUP BY user_id')
      .raw()
      .all(ids),
  );
  db.prepare('DELETE FROM sessions WHERE user_id IN (SELECT value FROM json_each(?))').run(ids);
  const changed = people.filter((r) => counts.has(r.id));
  audit.recordMany(changed.map((r) => ({ at: now, actorId, action: 'sessions_ended', targetId: r.id, details: { sessions: counts.get(r.id), ...extra } })));
  return { changed, unchanged: unchanged + people.length - changed.length, skipped };
}

/** `handOut` receives the new codes of Resend invites, chunk by chunk, while the transaction runs. */
export function runBulk(db: Db, order: BulkOrder, report: Report, handOut: HandOut = () => {}): BulkResult {
  const { actorId, action, now } = order;
  return db
    .transaction((): BulkResult => {
      requireAdmin(db, actorId);
      report({ action, phase: 'selecting', done: 0, total: 0 });
      const { from, where } = selectionQuery(db, order.selection, order.judgeAt);
      const rows = db.prepare<unknown[], Row>(`SELECT ${COLUMNS} FROM ${from} WHERE ${where.sql} ORDER BY id`).all(...where.params);
      const bulkId = UNDOABLE.includes(action)
        ? Number(db.prepare('INSERT INTO bulk_actions (actor_id, action, at) VALUES (?, ?, ?)').run(actorId, action, now).lastInsertRowid)
        : null;
      const invites = order.invites && { order: order.invites, handOut };
      const applied = apply(db, rows, action, actorId, now, bulkId === null ? { bulk: true } : { bulk: bulkId }, report, invites);
      if (bulkId !== null) {
        db.prepare('INSERT INTO bulk_action_people (bulk_id, user_id) SELECT ?, value FROM json_each(?)').run(bulkId, JSON.stringify(applied.changed.map((r) => r.id)));
      }
      const result: BulkResult = {
        bulkId: bulkId !== null && applied.changed.length > 0 ? bulkId : null,
        action,
        matched: rows.length,
        changed: applied.changed.length,
        unchanged: applied.unchanged,
        skipped: applied.skipped.length,
        skippedPeople: applied.skipped.slice(0, SKIPPED_LISTED),
        undoUntil: null,
        invites: null,
      };
      new AuditRepo(db).record(now, actorId, 'bulk_action', null, {
        action,
        selection: order.selection.kind === 'ids' ? { kind: 'ids', people: order.selection.ids.length } : { kind: 'view', tab: order.selection.view.tab, search: order.selection.view.query, ...(order.selection.view.filter ? { filter: order.selection.view.filter } : {}), except: order.selection.except.length },
        matched: result.matched,
        changed: result.changed,
        unchanged: result.unchanged,
        skipped: result.skipped,
        ...(order.invites ? { delivery: order.invites.byEmail ? 'email' : 'invite_code' } : {}),
        // When a view's filter was judged (the confirmation's preview), if not at the action's own moment.
        ...(order.judgeAt !== now ? { judgedAt: new Date(order.judgeAt).toISOString() } : {}),
      });
      return result;
    })
    .immediate();
}

/** Reverts a bulk action for the people still exactly as it left them; anyone changed since is left alone. */
export function runUndo(db: Db, order: UndoOrder, report: Report): UndoResult {
  const { actorId, bulkId, now } = order;
  return db
    .transaction((): UndoResult => {
      requireAdmin(db, actorId);
      const bulk = db.prepare<[number], { actor_id: number | null; action: BulkAction; at: number; undone_at: number | null }>('SELECT actor_id, action, at, undone_at FROM bulk_actions WHERE id = ?').get(bulkId);
      if (!bulk || bulk.actor_id !== actorId || !UNDOABLE.includes(bulk.action)) throw new BulkRefusal('NOT_FOUND', 'There is no action of yours to undo.');
      if (bulk.undone_at !== null) throw new BulkRefusal('CONFLICT', 'That action was already undone.');
      report({ action: 'undo', phase: 'selecting', done: 0, total: 0 });
      const rows = db
        .prepare<[number], Row>(`SELECT ${COLUMNS} FROM users WHERE id IN (SELECT user_id FROM bulk_action_people WHERE bulk_id = ?) ORDER BY id`)
        .all(bulkId);
      const undone = bulk.action as keyof typeof UNDO_OF; // UNDOABLE, checked above
      const asLeft = rows.filter((r) => stillAsLeft(candidate(r), undone, bulk.at));
      const applied = apply(db, asLeft, UNDO_OF[undone], actorId, now, { undo: bulkId }, report);
      db.prepare('UPDATE bulk_actions SET undone_at = ? WHERE id = ?').run(now, bulkId);
      const result = { reverted: applied.changed.length, changedSince: rows.length - applied.changed.length };
      new AuditRepo(db).record(now, actorId, 'bulk_undone', null, { bulk: bulkId, action: bulk.action, ...result });
      return result;
    })
    .immediate();
}
