// Edit Details: names and email change, and a duplicate email (in any case) is refused on the email field.
import { expect, test } from './roster-app.ts';
import { addPerson, createAdmin, row, rowAction } from './helpers/accounts.ts';

// Generous: these run beside other suites on a shared 2-core machine, where each sign-in (bcrypt cost 12) is slow.
test.describe.configure({ timeout: 120_000 });

test('editing details saves the change and refuses an email already in use, whatever its case', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' });
  await addPerson(page, { firstName: 'Joan', lastName: 'Clarke', email: 'joan@example.com' });

  await rowAction(page, 'Joan Clarke', 'Edit Details');
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  await expect(dialog).toContainText('Changing the email changes the address Joan Clarke signs in with.');
  for (const taken of ['alan@example.com', '  ALAN@Example.COM ']) {
    await dialog.getByLabel('Email').fill(taken);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Email address already in use.')).toBeVisible();
    await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  }

  await dialog.getByLabel('Last name').fill('Murray');
  await dialog.getByLabel('Email').fill(' Joan.Murray@Example.com');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: "Joan Murray's details have been saved." })).toBeVisible();
  await expect(row(page, 'Joan Murray')).toContainText('joan.murray@example.com');
  await expect(row(page, 'Joan Clarke')).toHaveCount(0);
});
