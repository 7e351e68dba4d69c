// Runs automatic backups: checks shortly after start and then every minute whether one is due (the decision is
// automaticBackupDue, on the app's clock), so a machine that slept past the hour catches up when it wakes.
export const CHECK_EVERY_MS = 60_000;
/**
 * The first check waits this long after start: a backup's integrity check keeps a core busy for a while (a minute
 * and more at a million people on a small machine), and the first minutes after start belong to the admin.
 */
export const START_GRACE_MS = 2 * 60_000;

export interface ScheduleDeps {
  isDue: () => boolean;
  run: () => Promise<void>;
  logError: (what: string, err: unknown) => void;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private firstCheck: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: ScheduleDeps) {}

  /** Checks after the start grace, then every minute until stopped. The timers never keep the process alive. */
  start(graceMs = START_GRACE_MS): void {
    if (this.firstCheck || this.timer) return;
    this.firstCheck = setTimeout(() => {
      this.firstCheck = null;
      void this.tick();
      this.timer = setInterval(() => void this.tick(), CHECK_EVERY_MS);
      this.timer.unref();
    }, graceMs);
    this.firstCheck.unref();
  }

  /** Runs a backup if one is due and none is running; resolves when that is settled. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    let due: boolean;
    try {
      due = this.deps.isDue();
    } catch (err) {
      this.deps.logError('automatic backup check', err);
      return Promise.resolve();
    }
    if (!due) return Promise.resolve();
    this.running = this.deps
      .run()
      .catch((err: unknown) => this.deps.logError('automatic backup', err))
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
