// Admin Panel → Policies: the automatic deactivation of idle accounts. Shows the settings and the last run, previews
// whom the policy would deactivate now, saves the settings (audited), and runs the policy: at once when the admin
// turns it on (judged at the preview they confirmed), then whenever it is due (IdlePolicySchedule). Each run goes to
// the bulk actions' worker (BulkRunner), so main's loop stays free and a run never overlaps a bulk action.
import type { IdlePolicyPreview, IdlePolicyRun, IdlePolicySaved, IdlePolicyView } from '../../../common/idle-policy.ts';
import { NAMES_SHOWN } from '../../../common/bulk.ts';
import type { ParsedInput } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import type { BulkRunner } from '../bulk/bulk-runner.ts';
import { BULK_CONFIRM_MS } from '../bulk/bulk-service.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { countPeople } from '../db/people-counts.ts';
import { fullName, type UserRow } from '../db/users-repo.ts';
import { AppError } from '../errors.ts';
import type { Clock } from '../services/clock.ts';
import { idleAdminsWhere, idleView, nextRunAt, policyRunDue, policyWhere, sparedCounts } from './idle-policy-rules.ts';
import type { IdlePolicySettingsStore } from './idle-policy-settings.ts';
import type { PolicyRunResult } from './idle-policy-write.ts';

export interface IdlePolicyDeps {
  db: Db;
  audit: AuditRepo;
  runner: BulkRunner;
  clock: Clock;
  settings: IdlePolicySettingsStore;
  /** Other writes that hold the database (an import's transaction), or null. */
  otherWritesHeld: () => string | null;
  /** The audit log grew on another connection: the head record outside the database follows. */
  onAudited: () => void;
}

const iso = (ms: number) => new Date(ms).toISOString();
const asRun = (r: { at: number; days: number; deactivated: number }): IdlePolicyRun => ({ at: iso(r.at), days: r.days, deactivated: r.deactivated });

export class IdlePolicyService {
  constructor(private readonly d: IdlePolicyDeps) {}

  view(): IdlePolicyView {
    const settings = this.d.settings.get();
    const { lastRun, lastFailure } = this.d.settings.status();
    const next = nextRunAt(settings, lastRun?.at ?? null, this.d.clock.now());
    return {
      settings,
      lastRun: lastRun ? asRun(lastRun) : null,
      lastFailure: lastFailure ? { at: iso(lastFailure.at), message: lastFailure.message } : null,
      nextRunAt: next === null ? null : iso(next),
    };
  }

  /**
   * Cheap at any size: the idle filter's own count less the idle admins and those just given a way in (few, by
   * their partial indexes), and the first few.
   */
  preview({ days }: ParsedInput<'previewIdlePolicy'>): IdlePolicyPreview {
    const { db } = this.d;
    const now = this.d.clock.now();
    const admins = idleAdminsWhere(days, now);
    const idleAdmins = db.prepare(`SELECT COUNT(*) FROM users INDEXED BY users_admins WHERE ${admins.sql}`).pluck().get(...admins.params) as number;
    const spared = sparedCounts(days, now).reduce((n, q) => n + (db.prepare(q.sql).pluck().get(...q.params) as number), 0);
    const count = countPeople(db, idleView(days), now) - idleAdmins - spared;
    const where = policyWhere(days, now);
    // The longest idle first: the people the admin most expects to see go.
    const first = db
      .prepare<unknown[], UserRow & { idle_since: number }>(`SELECT *, idle_since FROM users INDEXED BY users_by_idle_since WHERE ${where.sql} ORDER BY idle_since, id LIMIT ?`)
      .all(...where.params, NAMES_SHOWN)
      .map((r) => ({ id: r.id, name: fullName(r), email: r.email, idleSince: iso(r.idle_since) }));
    return { asOf: now, days, count, first, idleAdmins };
  }

  async save(input: ParsedInput<'saveIdlePolicy'>, ctx: CallContext): Promise<IdlePolicySaved> {
    const actor = signedInUser(ctx);
    const now = this.d.clock.now();
    const judgeAt = input.asOf ?? now;
    if (input.enabled) {
      if (judgeAt > now) throw new AppError('VALIDATION', 'The preview is dated in the future. Look at who it would deactivate again.', { field: 'asOf' });
      if (now - judgeAt > BULK_CONFIRM_MS) throw new AppError('CONFLICT', 'This preview is out of date. Look at who it would deactivate again.');
    }
    const before = this.d.settings.get();
    const after = { enabled: input.enabled, days: input.days };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before.enabled !== after.enabled) changes.enabled = { from: before.enabled, to: after.enabled };
    if (before.days !== after.days) changes.days = { from: before.days, to: after.days };
    if (Object.keys(changes).length === 0) return { view: this.view(), run: null };
    // The entry and the setting together: if the settings file cannot be written, the entry rolls back.
    ctx.transaction(() => {
      this.d.audit.record(now, actor.id, 'idle_policy_saved', null, { ...after, changes });
      this.d.settings.save(after);
    });
    if (!after.enabled) return { view: this.view(), run: null };
    // Turned on, or N changed while on: the first run is now, on the people the confirmed preview showed. (Nothing
    // else can hold the database here: the transaction above was refused, BUSY, while anything did.) The setting is
    // saved whatever the run's fate: a failed run is in the view's lastFailure, and the schedule tries again.
    let run: IdlePolicyRun | null = null;
    try {
      run = asRun(await this.runOnce(judgeAt));
    } catch {
      /* recorded as the view's lastFailure */
    }
    return { view: this.view(), run };
  }

  /** For the schedule: on, and a day since the last run (or the clock went back past it). */
  isDue(): boolean {
    return policyRunDue(this.d.settings.get(), this.d.settings.status().lastRun?.at ?? null, this.d.clock.now());
  }

  /** A scheduled run. While another change to many people holds the database it waits for the next check. */
  async runScheduled(): Promise<void> {
    try {
      await this.runOnce(this.d.clock.now());
    } catch (err) {
      if (err instanceof AppError && err.code === 'BUSY') return;
      throw err;
    }
  }

  private async runOnce(judgeAt: number): Promise<PolicyRunResult> {
    const held = this.d.otherWritesHeld();
    if (held) throw new AppError('BUSY', held);
    const { days } = this.d.settings.get();
    const now = this.d.clock.now();
    try {
      const result = await this.d.runner.run({ op: 'policy', order: { days, now, judgeAt } });
      this.d.settings.updateStatus({ lastRun: result, lastFailure: null });
      return result;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'BUSY')) this.d.settings.updateStatus({ lastFailure: { at: now, message: err instanceof Error ? err.message : String(err) } });
      throw err;
    } finally {
      this.d.onAudited();
    }
  }
}
