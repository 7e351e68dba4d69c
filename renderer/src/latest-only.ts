// One request at a time, newest wins: how the People list talks to main while the admin types and clicks.
// A request made while one is in flight waits (only the newest waiting one is kept); when the flight lands, its
// answer is delivered only if nothing newer was asked meanwhile, so an older answer never replaces a newer one
// and no time is spent drawing rows that are already out of date.

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class LatestOnly<Req, Res> {
  private asked = 0;
  private flight: { req: Req; seq: number } | null = null;
  private waiting: { req: Req; seq: number } | null = null;

  constructor(
    private readonly run: (req: Req) => Promise<Res>,
    private readonly deliver: (req: Req, outcome: Outcome<Res>) => void,
    /** Requests with the same key ask the same thing: asking again while it flies just waits for that answer. */
    private readonly key: (req: Req) => string = (req) => JSON.stringify(req),
  ) {}

  /** True while a request flies or waits. */
  get busy(): boolean {
    return this.flight !== null;
  }

  /** Sends `req` now when nothing is in flight (synchronously, before the caller goes on), else queues it. */
  request(req: Req): void {
    const seq = ++this.asked;
    if (!this.flight) {
      void this.start(req, seq);
    } else if (this.key(req) === this.key(this.flight.req)) {
      this.flight.seq = seq;
      this.waiting = null;
    } else {
      this.waiting = { req, seq };
    }
  }

  /** Drops the waiting request and the answer of the one in flight. */
  cancel(): void {
    this.asked++;
    this.waiting = null;
  }

  private async start(req: Req, seq: number): Promise<void> {
    const flight = { req, seq };
    this.flight = flight;
    let outcome: Outcome<Res>;
    try {
      outcome = { ok: true, value: await this.run(req) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.flight = null;
    const next = this.waiting;
    this.waiting = null;
    if (next) return this.start(next.req, next.seq);
    if (flight.seq === this.asked) this.deliver(req, outcome);
  }
}
