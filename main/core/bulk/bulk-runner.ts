// Main's side of bulk actions: starts one worker per action (or undo, or idle policy run), at most one at a time, keeps its progress
// for the renderer to ask after, and says why other writes must wait while its transaction holds the database.
import { Worker } from 'node:worker_threads';
import type { BulkProgress, BulkResult, UndoResult } from '../../../common/bulk.ts';
import { AppError } from '../errors.ts';
import { driverSetup, workerCode } from '../workers/worker-code.ts';
import type { PolicyRunResult } from '../policy/idle-policy-write.ts';
import type { AddedBatch } from '../people-csv/added-people.ts';
import type { BulkJob, BulkMessage, BulkWorkerSetup } from './bulk-protocol.ts';

export interface BulkRunnerDeps {
  dbFile: string;
  nativeBinding?: string;
}

const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

export class BulkRunner {
  private running: { worker: Worker | null; progress: BulkProgress | null } | null = null;

  constructor(private readonly d: BulkRunnerDeps) {}

  /** Why other writes must wait now (a bulk action's transaction holds the database), or null. */
  writesHeld(): string | null {
    if (!this.running) return null;
    const p = this.running.progress;
    const done = p && p.phase === 'writing' ? ` (${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} people)` : '';
    return `Roster is applying a change to many people${done}. Try again in a few seconds.`;
  }

  progress(): BulkProgress | null {
    return this.running?.progress ?? null;
  }

  /** `onInvited`: Resend invites' people with their new codes, as the worker hands them over (before the commit). */
  run(job: Extract<BulkJob, { op: 'bulk' }>, onInvited?: (batch: AddedBatch) => void): Promise<BulkResult>;
  run(job: Extract<BulkJob, { op: 'undo' }>): Promise<UndoResult>;
  run(job: Extract<BulkJob, { op: 'policy' }>): Promise<PolicyRunResult>;
  async run(job: BulkJob, onInvited?: (batch: AddedBatch) => void): Promise<BulkResult | UndoResult | PolicyRunResult> {
    if (this.running) throw new AppError('BUSY', this.writesHeld() ?? 'Another change to many people is being applied.');
    const setup: BulkWorkerSetup = { dbFile: this.d.dbFile, ...driverSetup(this.d.nativeBinding), job };
    // Claimed before the first await, so a second call arriving meanwhile is refused rather than started too.
    const running: { worker: Worker | null; progress: BulkProgress | null } = { worker: null, progress: null };
    this.running = running;
    try {
      const worker = new Worker(await workerCode('bulk-worker'), { eval: true, workerData: setup });
      running.worker = worker;
      return await new Promise<BulkResult | UndoResult | PolicyRunResult>((resolve, reject) => {
        worker.on('message', (m: BulkMessage) => {
          if ('progress' in m) running.progress = m.progress;
          else if ('invited' in m) onInvited?.(m.invited);
          else if ('done' in m) resolve(m.done);
          else reject(m.failed.code && REFUSALS.has(m.failed.code) ? new AppError(m.failed.code as 'CONFLICT', m.failed.message) : new Error(m.failed.message));
        });
        worker.on('error', reject);
        worker.on('exit', () => reject(new Error('the bulk worker stopped before it answered')));
      });
    } finally {
      this.running = null;
    }
  }

  /** Stops a job under way (closing Roster): its one transaction rolls back. */
  async close(): Promise<void> {
    await this.running?.worker?.terminate();
  }
}
