// `npm run screenshots`: the README's images (test/screenshots/), made with the e2e tests' fixtures and browser
// settings. `npm test` never runs these, so it leaves git status clean.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

export default defineConfig({ ...base, testDir: 'test/screenshots' });
