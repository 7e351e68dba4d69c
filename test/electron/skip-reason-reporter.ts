// Says plainly why Electron tests were skipped (the list reporter shows only "skipped"), and counts results.
import type { Reporter, TestCase, TestError, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Map<string, number>();
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };
  /** Errors outside any test, e.g. the suite refusing to skip under ROSTER_REQUIRE_ELECTRON=1. */
  private readonly errors: string[] = [];

  onError(error: TestError) {
    this.errors.push((error.message ?? error.value ?? 'unknown error').split('\n')[0]!);
  }

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'skipped') {
      this.counts.skipped++;
      const reason = test.annotations.find((a) => a.type === 'skip')?.description || 'no reason given';
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    } else if (result.status === 'passed') this.counts.passed++;
    else if (result.retry === test.retries) this.counts.failed++;
  }

  onEnd() {
    for (const [reason, n] of this.reasons) console.log(`electron: ${n} skipped: ${reason}`);
    for (const message of this.errors) console.log(`electron: could not run: ${message}`);
    console.log(`electron: ${this.counts.passed} passed, ${this.counts.failed} failed, ${this.counts.skipped} skipped`);
  }
}
