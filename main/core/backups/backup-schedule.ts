// Runs automatic backups: checks at start and then every minute whether one is due (the decision is
// automaticBackupDue, on the app's clock), so a machine that slept past the hour catches up when it wakes.
export const CHECK_EVERY_MS = 60_000;

export interface ScheduleDeps {
  isDue: () => boolean;
  run: () => Promise<void>;
  logError: (what: string, err: unknown) => void;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly d: ScheduleDeps) {}

  /** Checks now, then every minute until stopped. The timer never keeps the process alive. */
  start(): void {
    void this.tick();
    this.timer ??= setInterval(() => void this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Runs a backup if one is due and none is running; resolves when that is settled. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    let due: boolean;
    try {
      due = this.d.isDue();
    } catch (err) {
      this.d.logError('automatic backup check', err);
      return Promise.resolve();
    }
    if (!due) return Promise.resolve();
    this.running = this.d
      .run()
      .catch((err) => this.d.logError('automatic backup', err))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Waits for a running automatic backup, if any. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
