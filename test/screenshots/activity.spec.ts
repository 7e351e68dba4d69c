// README screenshot of Admin Panel → Activity after a few People actions.
import path from 'node:path';
import { test, expect } from '../e2e/roster-app.ts';
import { createAdmin } from '../e2e/helpers/accounts.ts';
import { peopleActionsByApi } from '../e2e/helpers/activity.ts';
import { SCREENSHOTS } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

test('the Activity page', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await peopleActionsByApi(page);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByTestId('log-verification')).toContainText('Log verified');
  await expect(page.getByTestId('activity-count')).toHaveText('6 entries');
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'activity.png'), fullPage: true });
});
