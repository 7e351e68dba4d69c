// The account page: who you are, and Change password with its errors shown on the fields.
import { expect, test } from './roster-app.ts';
import { ADMIN, createAdmin, NEW_PASSWORD, signIn, signOut } from './helpers/accounts.ts';

test.describe.configure({ timeout: 120_000 });

test('changing your own password checks the current one and the policy, then the new one signs you in', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByTestId('account-name')).toHaveText('Ada Admin');
  await expect(page.getByTestId('account-role')).toHaveText('Admin');

  const form = page.getByRole('form', { name: 'Change password' });
  const current = form.getByRole('textbox', { name: 'Current password' });
  const next = form.getByRole('textbox', { name: 'New password', exact: true });
  const confirm = form.getByRole('textbox', { name: 'Confirm new password' });
  const submit = form.getByRole('button', { name: 'Change password' });

  await current.fill(ADMIN.password);
  await next.fill('too short');
  await confirm.fill('different');
  await submit.click();
  await expect(form).toContainText('Use at least 12 characters.');
  await expect(form).toContainText("Passwords don't match.");

  await current.fill('Not-My-Password-123');
  await next.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await submit.click();
  await expect(form).toContainText('Your current password is incorrect.');
  await expect(current).toHaveAttribute('aria-invalid', 'true');

  await current.fill(ADMIN.password);
  await next.fill(ADMIN.email);
  await confirm.fill(ADMIN.email);
  await submit.click();
  await expect(form).toContainText('Your password cannot be your email address.');

  await next.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await submit.click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible();
  await expect(current).toHaveValue('');

  await signOut(page);
  await signIn(page, ADMIN.email, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
});
