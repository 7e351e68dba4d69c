// The messages between an import's worker thread (import-worker.ts) and main (import-session.ts).
import type { ImportMapping, ImportRow, Verdict, VerdictCounts } from '../../../common/people-import.ts';
import type { DriverSetup } from '../workers/worker-code.ts';
import type { AddedBatch } from './added-people.ts';
import type { FileProblemCode } from './csv-reading.ts';

export interface WorkerSetup extends DriverSetup {
  /** The database file (the worker opens its own connection). */
  dbFile: string;
}

export type Request =
  | { op: 'open'; file: string }
  | { op: 'judge'; mapping: ImportMapping }
  | { op: 'rows'; verdict: Verdict | null; offset: number; limit: number }
  | { op: 'write'; write: WriteOrder };

export interface WriteOrder {
  actorId: number;
  now: number;
  fileName: string;
  /** The HMAC key one-time codes are stored under (main/core/email/one-time-codes.ts). */
  codeKey: Uint8Array;
  codeLifetimeMs: number;
  byEmail: boolean;
}

export interface Opened {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  rows: number;
}

export interface Added {
  line: number;
  personId: number;
  firstName: string;
  lastName: string;
  email: string;
  code: string;
}

export interface Written {
  added: number;
  /** Rows that were "will be added" in the preview but whose address arrived in Roster since. */
  skippedSince: number;
}

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; problem?: FileProblemCode; code?: string; message: string };

/** Sent while a write runs: rows written so far, and the added people in packed batches (codes for main to hand out). */
export type Progress = { progress: number } | { added: AddedBatch };

export type { ImportRow, VerdictCounts };
