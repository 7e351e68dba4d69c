// Where a transport keeps the caller's session token: per Electron window, or per browser-mode tab key.
export interface SessionSlot {
  get(): string | undefined;
  set(token: string | undefined): void;
}

/** A slot held in memory; the web bridge and tests use it around each request. */
export class MemorySessionSlot implements SessionSlot {
  constructor(private token?: string) {}
  get() {
    return this.token;
  }
  set(token: string | undefined) {
    this.token = token;
  }
}
