// One stable dispatch in front of a core that can be replaced while the app runs (a restore puts another database
// in place). A replacement waits for the calls in flight to finish and holds new ones until the new core serves
// them, so no call ever sees a closed database. The call that asks for the replacement is not waited for: it is
// recognised through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dispatch } from './api/dispatcher.ts';

export interface ReplaceableCore {
  dispatch: Dispatch;
  close(): Promise<void>;
}

export class CoreHost<C extends ReplaceableCore> {
  private core: C;
  private readonly inFlight = new Map<number, Promise<unknown>>();
  private nextId = 1;
  private held: Promise<void> | null = null;
  private readonly callId = new AsyncLocalStorage<number>();

  constructor(core: C) {
    this.core = core;
  }

  get current(): C {
    return this.core;
  }

  readonly dispatch: Dispatch = (method, payload, slot) => this.use((core) => core.dispatch(method, payload, slot));

  /**
   * Runs `work` on the current core as a call in flight: a call, or work no call asked for (a scheduled run of the
   * idle policy), which must not start while a restore swaps the database, nor be cut off by one.
   */
  async use<T>(work: (core: C) => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    const id = this.nextId++;
    const call = this.callId.run(id, () => work(this.core));
    this.inFlight.set(id, call);
    try {
      return await call;
    } finally {
      this.inFlight.delete(id);
    }
  }

  /**
   * Holds new calls, waits for the others in flight, then lets `replace` close the current core and return the
   * next one. `replace` must always return a working core (the old one reopened, if it must give up).
   */
  async replace(replace: (current: C) => Promise<C>): Promise<void> {
    if (this.held) throw new Error('the core is already being replaced');
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    try {
      const self = this.callId.getStore();
      await Promise.allSettled([...this.inFlight].filter(([id]) => id !== self).map(([, call]) => call));
      this.core = await replace(this.core);
    } finally {
      this.held = null;
      release();
    }
  }
}
