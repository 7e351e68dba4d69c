import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/browser.ts';

// One output folder per run (workers inherit the variable), so concurrent runs never delete each other's files.
process.env.ROSTER_PW_RUN ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: `test-results/${process.env.ROSTER_PW_RUN}`,
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./test/e2e/summary-reporter.ts']],
  // One project: nothing here is timed (speed is the benches' job), so every spec may share the machine.
  projects: [{ name: 'e2e' }],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    colorScheme: 'light',
    // The app honours reduced motion (no fades): axe then never checks a dialog half faded in, whose colours are
    // still blending (a contrast failure seen under two parallel workers). The UI bench keeps full motion.
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
