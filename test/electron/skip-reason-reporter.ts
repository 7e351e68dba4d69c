// Says plainly why Electron tests were skipped (the list reporter shows only "skipped"), and counts results.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Map<string, number>();
  private readonly counts = { passed: 0, failed: 0, skipped: 0 };

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
    console.log(`electron: ${this.counts.passed} passed, ${this.counts.failed} failed, ${this.counts.skipped} skipped`);
  }
}
