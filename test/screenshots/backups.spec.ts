// README screenshots of Admin Panel → Backups: the page with two backups made by hand, and the restore dialog.
import path from 'node:path';
import { test, expect } from '../e2e/roster-app.ts';
import { addPerson, createAdmin } from '../e2e/helpers/accounts.ts';
import { backUpNow, backupRows, openBackups } from '../e2e/helpers/backups.ts';
import { SCREENSHOTS } from './screenshots.ts';

test.describe.configure({ timeout: 180_000 });

test('the Backups page and the restore dialog', async ({ page, roster }) => {
  await createAdmin(page, roster);
  for (const [first, last] of [['Grace', 'Hopper'], ['Alan', 'Turing'], ['Katherine', 'Johnson']] as const) {
    await addPerson(page, { firstName: first, lastName: last, email: `${first.toLowerCase()}@example.com` });
  }
  await openBackups(page);
  await backUpNow(page);
  await page.getByRole('tab', { name: 'People' }).click();
  await addPerson(page, { firstName: 'Mae', lastName: 'Jemison', email: 'mae@example.com' });
  await openBackups(page);
  await backUpNow(page);
  await expect(backupRows(page, 'Made by hand')).toHaveCount(2);
  const done = page.getByRole('status').filter({ hasText: /^Backed up/ });
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(done).toBeHidden();
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'backups.png'), fullPage: true });
  await backupRows(page, 'Made by hand').last().getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog).toContainText('The backup passed the integrity check.');
  await dialog.getByLabel('Type RESTORE to confirm').fill('RESTORE');
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'restore-dialog.png') });
});
