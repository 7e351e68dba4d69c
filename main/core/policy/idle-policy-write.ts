// One run of the idle policy as database work, on the bulk worker's own connection: the people idle at `judgeAt`
// (idle-policy-rules.ts) are deactivated through the bulk actions' own change (their sessions end, their codes stop
// working), each audited with no actor and the policy in the details, then one entry for the run: ONE IMMEDIATE
// transaction, so a run is all done or not at all.
import type { BulkProgress } from '../../../common/bulk.ts';
import { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { apply, COLUMNS, type Row } from '../bulk/bulk-write.ts';
import { policyWhere } from './idle-policy-rules.ts';

export interface PolicyOrder {
  days: number;
  now: number;
  /** When idleness is judged: the preview the admin confirmed when turning the policy on, else `now`. */
  judgeAt: number;
}

export interface PolicyRunResult {
  at: number;
  days: number;
  deactivated: number;
}

/** The details every entry of a policy run carries: what the Activity page words as "Roster (policy)". */
export const policyDetails = (days: number) => ({ policy: 'idle', days });

export function runIdlePolicy(db: Db, order: PolicyOrder, report: (progress: BulkProgress) => void): PolicyRunResult {
  const { days, now, judgeAt } = order;
  return db
    .transaction((): PolicyRunResult => {
      report({ action: 'deactivate', phase: 'selecting', done: 0, total: 0 });
      const where = policyWhere(days, judgeAt);
      const rows = db.prepare<unknown[], Row>(`SELECT ${COLUMNS} FROM users WHERE ${where.sql} ORDER BY id`).all(...where.params);
      const applied = apply(db, rows, 'deactivate', null, now, policyDetails(days), report);
      const deactivated = applied.changed.length;
      // A run that found nobody leaves no entry: a quiet day every day would bury the log (its time is in the status).
      if (deactivated > 0) {
        new AuditRepo(db).record(now, null, 'idle_policy_run', null, {
          ...policyDetails(days),
          deactivated,
          ...(judgeAt !== now ? { judgedAt: new Date(judgeAt).toISOString() } : {}),
        });
      }
      return { at: now, days, deactivated };
    })
    .immediate();
}
