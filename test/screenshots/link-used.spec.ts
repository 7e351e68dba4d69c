// README screenshot of the page a spent launch link opens (browser mode): it says how to get a new link.
import path from 'node:path';
import { expect, test } from '../e2e/roster-app.ts';
import { SCREENSHOTS } from './screenshots.ts';

test('a spent launch link', async ({ page, roster, browser }) => {
  await page.goto(roster.url); // spends the link Roster printed when it started
  await expect(page.getByRole('heading', { name: 'Create your admin account' })).toBeVisible();
  const later = await browser.newContext();
  const again = await later.newPage();
  await again.goto(roster.url);
  await expect(again.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
  await again.screenshot({ path: path.join(SCREENSHOTS, 'link-used.png') });
  await later.close();
});
