// Main's handle on one import's worker (import-worker.ts): requests answered in order, progress and added people
// passed on as they come. The worker holds the file's rows; main only ever holds what the dialog shows.
import { Worker } from 'node:worker_threads';
import type { ImportMapping, ImportRowsPage, Verdict, VerdictCounts } from '../../../common/people-import.ts';
import { AppError } from '../errors.ts';
import { driverSetup, workerCode } from '../workers/worker-code.ts';
import type { AddedBatch } from './added-people.ts';
import type { Opened, Progress, Reply, Request, WorkerSetup, WriteOrder, Written } from './import-protocol.ts';

export interface WriteListener {
  onProgress(written: number): void;
  onAdded(batch: AddedBatch): void;
}

export class ImportSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listener: WriteListener | null = null;
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply | Progress) => {
      if ('id' in m) {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.ok) p?.resolve(m.value);
        else p?.reject(m.problem ? new AppError('VALIDATION', m.message, { field: 'file' }) : m.code === 'FORBIDDEN' ? new AppError('FORBIDDEN', m.message) : new Error(m.message));
      } else if ('progress' in m) this.listener?.onProgress(m.progress);
      else this.listener?.onAdded(m.added);
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
      this.exited = true;
      this.failAll(new Error('the import worker stopped'));
    });
  }

  static async start(setup: { dbFile: string; nativeBinding?: string }): Promise<ImportSession> {
    const workerData: WorkerSetup = { dbFile: setup.dbFile, ...driverSetup(setup.nativeBinding) };
    const worker = new Worker(await workerCode('import-worker'), { eval: true, workerData });
    return new ImportSession(worker);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private ask<T>(request: Request): Promise<T> {
    if (this.exited) return Promise.reject(new AppError('NOT_FOUND', 'That import is no longer open. Choose the file again.'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...request });
    });
  }

  open(file: string): Promise<Opened> {
    return this.ask({ op: 'open', file });
  }

  judge(mapping: ImportMapping): Promise<VerdictCounts> {
    return this.ask({ op: 'judge', mapping });
  }

  rows(verdict: Verdict | null, offset: number, limit: number): Promise<ImportRowsPage> {
    return this.ask({ op: 'rows', verdict, offset, limit });
  }

  async write(order: WriteOrder, listener: WriteListener): Promise<Written> {
    this.listener = listener;
    try {
      return await this.ask<Written>({ op: 'write', write: order });
    } finally {
      this.listener = null;
    }
  }

  async close(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
  }
}
