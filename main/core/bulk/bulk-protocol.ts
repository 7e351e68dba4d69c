// The messages between a bulk action's worker thread (bulk-worker.ts) and main (bulk-runner.ts).
import type { BulkProgress, BulkResult, UndoResult } from '../../../common/bulk.ts';
import type { AddedBatch } from '../people-csv/added-people.ts';
import type { DriverSetup } from '../workers/worker-code.ts';
import type { PolicyOrder, PolicyRunResult } from '../policy/idle-policy-write.ts';
import type { BulkOrder, UndoOrder } from './bulk-write.ts';

/** A bulk action, its undo, or a run of the idle policy (Roster deactivating idle people itself). */
export type BulkJob = { op: 'bulk'; order: BulkOrder } | { op: 'undo'; order: UndoOrder } | { op: 'policy'; order: PolicyOrder };

export interface BulkWorkerSetup extends DriverSetup {
  /** The database file (the worker opens its own connection). */
  dbFile: string;
  job: BulkJob;
}

export type BulkMessage =
  | { progress: BulkProgress }
  /** Resend invites: people given a new code, packed (their codes for main to email or offer once). */
  | { invited: AddedBatch }
  | { done: BulkResult | UndoResult | PolicyRunResult }
  | { failed: { code?: string; message: string } };
