// Reset password, Remove (deactivate) and Reactivate, each checked by signing in as the person.
import { expect, test } from './roster-app.ts';
import { addPerson, ADMIN, createAdmin, NEW_PASSWORD, row, rowAction, signIn, signInAndChoosePassword, signOut } from './helpers/accounts.ts';

// Each flow signs in several times at bcrypt cost 12 on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

const LIN = { firstName: 'Lin', lastName: 'Reyes', email: 'lin@example.com' };

/** Adds Lin, lets her choose NEW_PASSWORD, and signs the admin back in on People. */
async function addLinWithOwnPassword(page: import('@playwright/test').Page, roster: import('./roster-app.ts').RosterApp) {
  await createAdmin(page, roster);
  const temporary = await addPerson(page, LIN);
  await signOut(page);
  await signInAndChoosePassword(page, LIN.email, temporary);
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await signOut(page);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
}

test('resetting a password ends the old one; the temporary one works once and forces a new password', async ({ page, roster }) => {
  await addLinWithOwnPassword(page, roster);
  await rowAction(page, 'Lin Reyes', 'Reset Password');
  const confirm = page.getByRole('dialog', { name: "Reset Lin Reyes's password?" });
  await expect(confirm).toContainText('temporary password');
  await confirm.getByRole('button', { name: 'Reset password' }).click();
  const result = page.getByRole('dialog', { name: "Lin Reyes's password has been reset" });
  const temporary = await result.getByLabel('Temporary password').inputValue();
  expect(temporary.length).toBeGreaterThanOrEqual(16);
  await result.getByRole('button', { name: 'Done' }).click();

  await signOut(page);
  await signIn(page, LIN.email, NEW_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(temporary);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

test('a removed person moves to Deactivated and is told their account is disabled; reactivated, they sign in again', async ({ page, roster }) => {
  await addLinWithOwnPassword(page, roster);
  await rowAction(page, 'Lin Reyes', 'Remove');
  const confirm = page.getByRole('dialog', { name: 'Deactivate Lin Reyes?' });
  await expect(confirm).toContainText("Lin Reyes won't be able to log in anymore.");
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toBeHidden();
  await expect(row(page, 'Lin Reyes')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Deactivated (1)' })).toBeVisible();
  await page.getByRole('tab', { name: /Deactivated/ }).click();
  await expect(row(page, 'Lin Reyes')).toContainText('User');
  await expect(page.getByRole('combobox', { name: 'Role for Lin Reyes' })).toHaveCount(0);

  await signOut(page);
  await signIn(page, LIN.email, NEW_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Your account is disabled. Please contact your administrator.');

  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: /Deactivated/ }).click();
  await rowAction(page, 'Lin Reyes', 'Reactivate');
  await page.getByRole('dialog', { name: 'Reactivate Lin Reyes?' }).getByRole('button', { name: 'Reactivate' }).click();
  await expect(page.getByText('No deactivated people')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Active (2)' })).toBeVisible();

  await signOut(page);
  await signIn(page, LIN.email, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
});
