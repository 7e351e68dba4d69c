// Playwright config for the Electron suite only; the main e2e run (playwright.config.ts, test/e2e) never sees it.
// Run with `npm run test:electron`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1, // one Electron at a time: each is a whole browser
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./skip-reason-reporter.ts']],
});
