// A real password hasher that race tests can hold at `await hasher.hash(...)`: two requests parked there at once
// are provably both between their check and their write, and the test decides which one goes on first.
import { WorkerPasswordHasher, type PasswordHasher } from '../../main/core/auth/password-hasher.ts';

export class HeldHasher implements PasswordHasher {
  private holding = false;
  /** Callers waiting inside hash(), in the order they arrived. */
  private readonly parked: (() => void)[] = [];
  private readonly watchers: { count: number; resolve: () => void }[] = [];

  constructor(private readonly inner: PasswordHasher = new WorkerPasswordHasher(4)) {}

  /** From now on every hash() call waits until it is let go. */
  hold(): void {
    this.holding = true;
  }

  /** Resolves once `count` hash() calls are waiting at the same time. */
  whenParked(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.watchers.push({ count, resolve });
      this.notify();
    });
  }

  /** Lets the caller that arrived first go on; the others keep waiting. */
  letOneGo(): void {
    const next = this.parked.shift();
    if (!next) throw new Error('no hash() call is waiting');
    next();
  }

  /** Stops holding and lets every waiting caller go on. */
  release(): void {
    this.holding = false;
    for (const go of this.parked.splice(0)) go();
  }

  async hash(password: string): Promise<string> {
    if (this.holding) {
      await new Promise<void>((resolve) => {
        this.parked.push(resolve);
        this.notify();
      });
    }
    return this.inner.hash(password);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.inner.verify(password, hash);
  }

  close(): Promise<void> {
    this.release();
    return this.inner.close();
  }

  private notify(): void {
    for (const w of [...this.watchers]) {
      if (this.parked.length < w.count) continue;
      this.watchers.splice(this.watchers.indexOf(w), 1);
      w.resolve();
    }
  }
}
