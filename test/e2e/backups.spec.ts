// Admin Panel → Backups in the real UI: back up, change things, restore, see the old state, sign in again; the
// refusals a careful admin meets; accessibility and the keyboard. (Its README screenshots: test/screenshots/.)
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { expect, test } from './roster-app.ts';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { ADMIN, addPerson, createAdmin, row, rowAction, signIn } from './helpers/accounts.ts';
import { backUpNow, backupRows, openBackups } from './helpers/backups.ts';

test.describe.configure({ timeout: 120_000 });


test('back up, change things, restore, see the old state and sign in again', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: 'Mae', lastName: 'Jemison', email: 'mae@example.com' });
  await openBackups(page);
  await backUpNow(page);
  const made = backupRows(page, 'Made by hand');
  await expect(made).toHaveCount(1);
  await expect(made).toContainText('OK');
  await expect(made.getByRole('cell').nth(3)).toHaveText('2');

  // Change things: add Sally, remove Mae.
  await page.getByRole('tab', { name: 'People' }).click();
  await addPerson(page, { firstName: 'Sally', lastName: 'Ride', email: 'sally@example.com' });
  await rowAction(page, 'Mae Jemison', 'Remove');
  await page.getByRole('dialog', { name: 'Deactivate Mae Jemison?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(row(page, 'Mae Jemison')).toHaveCount(0);

  await openBackups(page);
  await made.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog).toContainText('The backup passed the integrity check.');
  await expect(dialog).toContainText('2 (1 active admin)');
  const restore = dialog.getByRole('button', { name: 'Restore' });
  await expect(restore).toBeDisabled();
  await dialog.getByLabel('Type RESTORE to confirm').fill('restore');
  await expect(restore).toBeDisabled();
  await dialog.getByLabel('Type RESTORE to confirm').fill('RESTORE');
  await restore.click();

  // Every session ended: the sign-in page says why.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(/^Roster was restored from .*Everyone has been signed out: sign in again\./)).toBeVisible();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expect(row(page, 'Mae Jemison')).toHaveCount(1);
  await expect(row(page, 'Sally Ride')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^Deactivated/ })).toHaveText('Deactivated (0)');

  // The database it replaced is listed, ready to be restored back.
  await openBackups(page);
  await expect(backupRows(page, 'Saved before a restore')).toHaveCount(1);
  const saved = backupRows(page, 'Saved before a restore');
  await expect(saved.getByRole('cell').nth(3)).toHaveText('3');
  await expect(saved).toContainText('Not checked');
});

test('refusals: a file that is not a backup, a folder that does not exist, and Cancel leaves everything as it was', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await openBackups(page);
  const notes = path.join(roster.dataDir, 'notes.txt');
  fs.writeFileSync(notes, 'not a database\n'.repeat(50));

  await page.getByRole('button', { name: 'Restore from a file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await dialog.getByLabel('Backup file').fill(notes);
  await dialog.getByRole('button', { name: 'Check backup' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/not a Roster database/);
  await dialog.getByLabel('Backup file').fill(path.join(roster.dataDir, 'missing.db'));
  await dialog.getByRole('button', { name: 'Check backup' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/does not exist/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const folder = page.getByLabel('Backup folder');
  await folder.fill(path.join(os.tmpdir(), 'no-such-roster-folder', 'backups'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#field-folder-helper-text')).toHaveText(/does not exist/);
  await folder.fill('relative/backups');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#field-folder-helper-text')).toHaveText(/Enter a full path/);

  // Cancelling a checked restore changes nothing, and the copy it staged is removed.
  await backUpNow(page);
  await backupRows(page, 'Made by hand').getByRole('button', { name: /^Restore the backup of / }).click();
  await expect(dialog).toContainText('The backup passed the integrity check.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => fs.existsSync(path.join(roster.dataDir, 'roster.db.incoming'))).toBe(false);
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
});

test('the Backups page and the restore dialog are axe-clean and work from the keyboard', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await openBackups(page);
  await expectNoSeriousViolations(page, 'Backups (empty)');
  await page.getByRole('button', { name: 'Back up now' }).focus();
  await page.keyboard.press('Enter');
  await expect(backupRows(page, 'Made by hand')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'Backups (one backup)');

  const restoreButton = backupRows(page, 'Made by hand').getByRole('button', { name: /^Restore the backup of / });
  await restoreButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  const confirm = dialog.getByLabel('Type RESTORE to confirm');
  await expect(confirm).toBeFocused();
  await expectNoSeriousViolations(page, 'Restore dialog');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Restore from a file…' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Backup file')).toBeFocused();
  await expectNoSeriousViolations(page, 'Restore from a file dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
