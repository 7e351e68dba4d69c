// People → select → act on many: the confirmation's preview (how many, the first few names, who the rules protect),
// the action itself and its Undo (each run by BulkRunner on a worker, in one transaction), and their progress; after
// Resend invites, how the new invites are going out (resend-invites.ts).
import type { ExportOutcome } from '../../../common/activity.ts';
import type { BulkAction, BulkPreview, BulkProgress, BulkResult, NamedPerson, ResendStatus, UndoResult } from '../../../common/bulk.ts';
import { NAMES_SHOWN, UNDO_OFFER_MS } from '../../../common/bulk.ts';
import type { ParsedInput } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { Db } from '../db/open-database.ts';
import { countPeopleYielding } from '../db/people-counts.ts';
import { viewWhere } from '../db/people-where.ts';
import { fullName, type UserRow } from '../db/users-repo.ts';
import { AppError } from '../errors.ts';
import { viewIds } from '../people-csv/people-export.ts';
import type { Clock } from '../services/clock.ts';
import { bulkInviteLifetimeMs } from '../email/one-time-codes.ts';
import type { SmtpSettingsStore } from '../email/smtp-settings.ts';
import { AddedPeople } from '../people-csv/added-people.ts';
import type { ResendInvites } from './resend-invites.ts';
import type { BulkRunner } from './bulk-runner.ts';
import { planBulk, type Candidate } from './bulk-rules.ts';
import { selectionSql, type Selection } from './bulk-selection.ts';
import { activeAdmins } from './bulk-write.ts';

/** Main accepts an Undo this long after the action finished: the snackbar offers it for UNDO_OFFER_MS from then,
 * and the click may be in flight behind other calls. */
export const UNDO_ACCEPTED_MS = 60_000;
/** How long a confirmation's preview stays good to act on: past it, the admin looks at the selection again. */
export const BULK_CONFIRM_MS = 15 * 60_000;

export interface BulkDeps {
  db: Db;
  runner: BulkRunner;
  clock: Clock;
  /** Other writes that hold the database (an import's transaction), or null. */
  otherWritesHeld: () => string | null;
  /** The audit log grew on another connection: the head record outside the database follows. */
  onAudited: () => void;
  /** Resend invites: whether email is set up, the key codes are stored under, and where the new codes go next. */
  smtpSettings: Pick<SmtpSettingsStore, 'load'>;
  codeKey: () => Buffer;
  resends: ResendInvites;
}

const named = (r: Pick<UserRow, 'id' | 'first_name' | 'last_name' | 'email'>): NamedPerson => ({ id: r.id, name: fullName(r), email: r.email });
const candidate = (r: UserRow): Candidate => ({ id: r.id, role: r.role, isActive: r.is_active === 1, hasPassword: r.password_hash !== null });

export class BulkService {
  /**
   * When each undoable action of this run finished (main's clock). Undo is offered only in the snackbar that follows
   * the action, so an action of an earlier run, or one finished too long ago, is not undone.
   */
  private readonly finishedAt = new Map<number, number>();

  constructor(private readonly d: BulkDeps) {}

  /**
   * Cheap at any size: a count, the first rows of the view, and the few people the rules could protect. The count
   * of a large view lets main's loop run between its slices (countPeopleYielding), so the window stays responsive.
   */
  async preview({ selection, action }: ParsedInput<'previewBulk'>, ctx: CallContext): Promise<BulkPreview> {
    const actor = signedInUser(ctx);
    // One moment judges a filter for the whole preview (its count, names and protected people). The count, read in
    // slices, may see an edit made meanwhile; the action itself reads the selection again and reports what it matched.
    const now = this.d.clock.now();
    const where = selectionSql(selection, now);
    const first = this.first(selection, now);
    const shielded = this.protectedPeople(where, action, actor.id);
    return { asOf: now, count: await this.count(selection, now), first, protected: shielded };
  }

  private async count(selection: Selection, now: number): Promise<number> {
    const { db } = this.d;
    if (selection.kind === 'ids') return db.prepare('SELECT COUNT(*) FROM users WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(selection.ids)) as number;
    const all = await countPeopleYielding(db, selection.view, now);
    if (selection.except.length === 0) return all;
    const where = viewWhere(selection.view, now);
    const unticked = db.prepare(`SELECT COUNT(*) FROM users WHERE ${where.sql} AND id IN (SELECT value FROM json_each(?))`).pluck().get(...where.params, JSON.stringify(selection.except)) as number;
    return all - unticked;
  }

  /** The first few people, in the list's order for a view (its own queries), by name for ticked rows. */
  private first(selection: Selection, now: number): NamedPerson[] {
    const { db } = this.d;
    if (selection.kind === 'ids') {
      return db
        .prepare<[string, number], UserRow>('SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT ?')
        .all(JSON.stringify(selection.ids), NAMES_SHOWN)
        .map(named);
    }
    const except = new Set(selection.except);
    const ids: number[] = [];
    for (const id of viewIds(db, selection.view, now)) {
      if (except.has(id)) continue;
      ids.push(id);
      if (ids.length === NAMES_SHOWN) break;
    }
    const rows = new Map(db.prepare<[string], UserRow>('SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [named(row)] : [];
    });
  }

  /**
   * Only admins and the actor can be protected (self, last admin). Read as two index lookups: the selection's admins
   * (a range of the role index, admins being few) and the actor's own row; an OR of the two would scan every person.
   */
  private protectedPeople(where: { sql: string; params: unknown[] }, action: BulkAction, actorId: number): BulkPreview['protected'] {
    const { db } = this.d;
    const admins = db.prepare<unknown[], UserRow>(`SELECT * FROM users WHERE ${where.sql} AND role = 'admin' ORDER BY id LIMIT 1000`).all(...where.params);
    const self = admins.some((r) => r.id === actorId) ? [] : db.prepare<unknown[], UserRow>(`SELECT * FROM users WHERE ${where.sql} AND id = ?`).all(...where.params, actorId);
    const rows = [...self, ...admins];
    const verdicts = planBulk(rows.map(candidate), action, { actorId, activeAdmins: (upTo) => activeAdmins(db, upTo) });
    return rows.flatMap((r, i) => {
      const v = verdicts[i];
      // The rules' protections only: who is deactivated or (Resend invites) not invited is told in the result.
      return v?.kind === 'skip' && (v.reason === 'self' || v.reason === 'lastAdmin') ? [{ ...named(r), reason: v.reason }] : [];
    });
  }

  async run({ selection, action, asOf }: ParsedInput<'runBulk'>, ctx: CallContext): Promise<BulkResult> {
    const actor = signedInUser(ctx);
    this.refuseWhileOtherWrites();
    const now = this.d.clock.now();
    // Only a view's filter depends on when it is judged; ticked rows are the same people whenever.
    const judgeAt = selection.kind === 'view' ? (asOf ?? now) : now;
    if (judgeAt > now) throw new AppError('VALIDATION', 'The confirmation is dated in the future. Check the selection again.');
    if (now - judgeAt > BULK_CONFIRM_MS) throw new AppError('CONFLICT', 'This confirmation is out of date. Check the selection again.');
    // Resend invites: the codes' key, lifetime and way out are decided here, and the new codes collected as they come.
    const settings = action === 'resendInvites' ? this.d.smtpSettings.load() : null;
    const invites = action === 'resendInvites' ? { codeKey: this.d.codeKey(), lifetimeMs: bulkInviteLifetimeMs(settings), byEmail: settings !== null } : undefined;
    const added = invites ? new AddedPeople() : null;
    try {
      const order = { actorId: actor.id, action, selection, now, judgeAt, ...(invites ? { invites } : {}) };
      const result = await this.d.runner.run({ op: 'bulk', order }, added ? (batch) => added.append(batch) : undefined).catch((err: unknown) => {
        added?.clear(); // rolled back: the codes handed over never worked
        throw err;
      });
      if (invites && added) result.invites = this.d.resends.start(added, invites.byEmail, now + invites.lifetimeMs, ctx);
      const done = this.d.clock.now();
      for (const [id, at] of this.finishedAt) if (done - at > UNDO_ACCEPTED_MS) this.finishedAt.delete(id);
      if (result.bulkId !== null) this.finishedAt.set(result.bulkId, done);
      return { ...result, undoUntil: result.bulkId === null ? null : new Date(done + UNDO_OFFER_MS).toISOString() };
    } finally {
      this.d.onAudited();
    }
  }

  async undo({ bulkId }: ParsedInput<'undoBulk'>, ctx: CallContext): Promise<UndoResult> {
    const actor = signedInUser(ctx);
    this.refuseWhileOtherWrites();
    const now = this.d.clock.now();
    const finished = this.finishedAt.get(bulkId);
    if (finished === undefined) throw new AppError('NOT_FOUND', 'There is no action of yours to undo.');
    if (now - finished > UNDO_ACCEPTED_MS) throw new AppError('CONFLICT', 'It is too late to undo that action.');
    try {
      return await this.d.runner.run({ op: 'undo', order: { actorId: actor.id, bulkId, now } });
    } finally {
      this.d.onAudited();
    }
  }

  resendStatus({ batchId }: ParsedInput<'resendInvitesStatus'>, ctx: CallContext): ResendStatus {
    return this.d.resends.status(batchId, ctx);
  }

  resendCodes({ batchId }: ParsedInput<'resendInviteCodes'>, ctx: CallContext): Promise<ExportOutcome> {
    return this.d.resends.codes(batchId, ctx);
  }

  progress(): BulkProgress | null {
    return this.d.runner.progress();
  }

  private refuseWhileOtherWrites(): void {
    const held = this.d.otherWritesHeld();
    if (held) throw new AppError('BUSY', held);
  }
}
