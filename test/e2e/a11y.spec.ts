// Accessibility: axe-core finds no serious or critical problems on Sign-in, People and each dialog; the keyboard reaches everything.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './roster-app.ts';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { addPerson, createAdmin, rowAction, signOut } from './helpers/accounts.ts';

test.describe.configure({ timeout: 120_000 });

test('sign-in, People and account pages have no serious or critical axe violations', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: 'Mae', lastName: 'Jemison', email: 'mae@example.com' });
  await expectNoSeriousViolations(page, 'People');
  // A week later, Mae's temporary password has expired: the People list says so (checked here for contrast too).
  const db = new Database(path.join(roster.dataDir, 'roster.db'));
  db.prepare('UPDATE users SET temporary_password_expires_at = 1 WHERE email = ?').run('mae@example.com');
  db.close();
  await page.reload();
  await expect(page.getByRole('row', { name: /Mae Jemison/ })).toContainText('Temporary password expired');
  await expectNoSeriousViolations(page, 'People with an expired temporary password');
  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Account');
  await signOut(page);
  await expectNoSeriousViolations(page, 'Sign in');
});

test('every People dialog has no serious or critical axe violations', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: 'Mae', lastName: 'Jemison', email: 'mae@example.com' });

  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('dialog', { name: 'Add person' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Add person dialog');
  const add = page.getByRole('dialog', { name: 'Add person' });
  await add.getByLabel('First name').fill('Sally');
  await add.getByLabel('Last name').fill('Ride');
  await add.getByLabel('Email').fill('sally@example.com');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('dialog', { name: 'Sally Ride has been added' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Add person result');
  await page.getByRole('button', { name: 'Done' }).click();

  const dialogs: [string, string][] = [
    ['Edit Details', 'Edit details'],
    ['Reset Password', "Reset Mae Jemison's password?"],
    ['Remove', 'Deactivate Mae Jemison?'],
  ];
  for (const [action, title] of dialogs) {
    await rowAction(page, 'Mae Jemison', action);
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await expectNoSeriousViolations(page, `${title} dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }

  await rowAction(page, 'Mae Jemison', 'Reset Password');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('dialog', { name: "Mae Jemison's password has been reset" })).toBeVisible();
  await expectNoSeriousViolations(page, 'Reset password result');
  await page.getByRole('button', { name: 'Done' }).click();

  await rowAction(page, 'Mae Jemison', 'Remove');
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('tab', { name: /Deactivated/ }).click();
  await rowAction(page, 'Mae Jemison', 'Reactivate');
  await expect(page.getByRole('dialog', { name: 'Reactivate Mae Jemison?' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Reactivate dialog');
  await page.keyboard.press('Escape');
});

test('the keyboard opens the row menu and a dialog, and Escape closes them', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: 'Mae', lastName: 'Jemison', email: 'mae@example.com' });

  const actions = page.getByRole('button', { name: 'Actions for Mae Jemison' });
  await actions.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Edit Details' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(actions).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Reset Password' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Sign out everywhere' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'View activity' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Remove' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Deactivate Mae Jemison?' });
  await expect(dialog).toBeVisible();
  // Focus stays inside the dialog however far one tabs.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The Add person dialog opens from the keyboard with its first field focused, and Escape closes it.
  await page.getByRole('button', { name: 'Add person' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Add person' }).getByLabel('First name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The role dropdown works from the keyboard too.
  const role = page.getByRole('combobox', { name: 'Role for Mae Jemison' });
  await role.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Admin' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Mae Jemison is now an Admin.' })).toBeVisible();
});
