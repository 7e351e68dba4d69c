// Runs a job whenever it is due: checks once after a start grace, then on a steady timer, whether the job is due
// (the decision belongs to the job, on the app's clock), so a machine that slept or had its clock changed catches up
// at the next check instead of waiting on a timer set long ago. Used by automatic backups and the idle policy.
export interface DueScheduleDeps {
  isDue: () => boolean;
  run: () => Promise<void>;
  logError: (what: string, err: unknown) => void;
}

export interface DueScheduleTiming {
  /** What the job is, in log lines ("automatic backup"). */
  what: string;
  checkEveryMs: number;
  /** The first check waits this long after start(). */
  graceMs: number;
}

export class DueSchedule {
  private timer: NodeJS.Timeout | null = null;
  private firstCheck: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: DueScheduleDeps,
    private readonly timing: DueScheduleTiming,
  ) {}

  /** Checks after the start grace, then every checkEveryMs until stopped. The timers never keep the process alive. */
  start(graceMs = this.timing.graceMs): void {
    if (this.firstCheck || this.timer) return;
    this.firstCheck = setTimeout(() => {
      this.firstCheck = null;
      void this.tick();
      this.timer = setInterval(() => void this.tick(), this.timing.checkEveryMs);
      this.timer.unref();
    }, graceMs);
    this.firstCheck.unref();
  }

  /** Runs the job if it is due and not already running; resolves when that is settled. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    let due: boolean;
    try {
      due = this.deps.isDue();
    } catch (err) {
      this.deps.logError(`${this.timing.what} check`, err);
      return Promise.resolve();
    }
    if (!due) return Promise.resolve();
    this.running = this.deps
      .run()
      .catch((err: unknown) => this.deps.logError(this.timing.what, err))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  stop(): void {
    if (this.firstCheck) clearTimeout(this.firstCheck);
    if (this.timer) clearInterval(this.timer);
    this.firstCheck = null;
    this.timer = null;
  }
}
