// Adding a person: the temporary password is shown once, and their first sign-in forces a new password.
import { expect, test } from './roster-app.ts';
import { addPerson, createAdmin, NEW_PASSWORD, row, rowAction, signIn, signInAndChoosePassword, signOut } from './helpers/accounts.ts';

// The first flow signs in three times at bcrypt cost 12; on a busy 2-core machine it needs the headroom.
test.describe.configure({ timeout: 120_000 });

test('an added person gets a temporary password shown once and must choose their own at first sign-in', async ({ page, roster }) => {
  await createAdmin(page, roster);
  const password = await addPerson(page, { firstName: 'Grace', lastName: 'Hopper', email: 'Grace.Hopper@Example.com ' });

  // The list shows them (email trimmed and lowercased) and nothing shows the password again.
  await expect(row(page, 'Grace Hopper')).toContainText('grace.hopper@example.com');
  await expect(row(page, 'Grace Hopper')).toContainText('Never');
  await expect(page.getByRole('tab', { name: 'Active (2)' })).toBeVisible();
  await expect(page.getByText(password)).toHaveCount(0);
  await rowAction(page, 'Grace Hopper', 'Edit Details');
  await expect(page.getByRole('dialog')).not.toContainText(password);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('dialog', { name: 'Add person' }).getByLabel('Email')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await signOut(page);
  await signInAndChoosePassword(page, 'grace.hopper@example.com', password);

  // Not an admin: the account page, and no Admin Panel in the dropdown.
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await expect(page.getByTestId('account-email')).toHaveText('grace.hopper@example.com');
  await expect(page.getByTestId('account-role')).toHaveText('User');
  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await expect(page.getByRole('menuitem', { name: 'Account' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Admin Panel' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The temporary password is spent; their own works.
  await signOut(page);
  await signIn(page, 'grace.hopper@example.com', password);
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
});

test('the add form refuses bad input with the contract’s messages, and a duplicate email from main', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await dialog.getByLabel('First name').fill('   ');
  await dialog.getByLabel('Email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toContainText('First name is required.');
  await expect(dialog).toContainText('Last name is required.');
  await expect(dialog).toContainText('Enter a valid email address.');

  await dialog.getByLabel('First name').fill('Ada');
  await dialog.getByLabel('Last name').fill('Again');
  await dialog.getByLabel('Email').fill('ADA@example.com');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toContainText('Email address already in use.');
});
