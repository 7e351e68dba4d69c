import { test, expect } from './roster-app.ts';

test('first run shows the admin form', async ({ page, roster }) => {
  await roster.open(page);
  await expect(page.getByRole('heading', { name: 'Create your admin account' })).toBeVisible();
  await page.screenshot({ path: '/tmp/first-run.png' });
});
