// bcrypt hashing on a worker thread: cost-12 hashes take ~250 ms of CPU, which must never stall the main loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_BCRYPT_COST = 12;

// Inline (eval) worker: it works the same from TypeScript sources under vitest and from the bundled build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptPath);
parentPort.on('message', ({ id, op, password, hash, cost }) => {
  try {
    const result = op === 'hash' ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash);
    parentPort.postMessage({ id, result });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

type Pending = { resolve: (v: string | boolean) => void; reject: (e: Error) => void };

export class WorkerPasswordHasher implements PasswordHasher {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly cost: number = DEFAULT_BCRYPT_COST) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const bcryptPath = createRequire(import.meta.url).resolve('bcryptjs');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptPath } });
    worker.unref(); // an idle hasher must not keep the process alive
    worker.on('message', ({ id, result, error }: { id: number; result?: string | boolean; error?: string }) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      // Not once close() has begun: an unref'd worker lets the process exit before terminate() settles.
      if (this.pending.size === 0 && this.worker === worker) worker.unref();
      if (result === undefined) p.reject(new Error(`password hashing failed: ${error ?? 'no hash came back'}`));
      else p.resolve(result);
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
      this.worker = null;
      this.failAll(new Error('password hashing worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private run<T extends string | boolean>(message: Record<string, unknown>): Promise<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    worker.ref(); // keep the process alive while work is in flight
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      worker.postMessage({ id, ...message });
    });
  }

  hash(password: string): Promise<string> {
    return this.run<string>({ op: 'hash', password, cost: this.cost });
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.run<boolean>({ op: 'verify', password, hash });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.ref(); // an idle worker is unref'd: the process must not exit before terminate() settles
    await worker.terminate();
  }
}
