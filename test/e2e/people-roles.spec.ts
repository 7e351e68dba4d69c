// Roles: promotion and demotion take effect at the person's next sign-in, and main refuses a demoted person's admin calls.
import { expect, test } from './roster-app.ts';
import { addPerson, ADMIN, createAdmin, NEW_PASSWORD, roleSelect, chooseRole, row, rowAction, signIn, signInAndChoosePassword } from './helpers/accounts.ts';

test.describe.configure({ timeout: 120_000 });

const BOB = { firstName: 'Bob', lastName: 'Stone', email: 'bob@example.com' };

test('a promoted person sees Admin Panel; demoted, they do not and main answers FORBIDDEN', async ({ page: admin, roster, browser }) => {
  await createAdmin(admin, roster);
  const temporary = await addPerson(admin, BOB);

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await roster.open(bob);
  await signInAndChoosePassword(bob, BOB.email, temporary);
  await expect(bob.getByRole('heading', { name: 'Account' })).toBeVisible();

  await chooseRole(admin, 'Bob Stone', 'Admin');
  await expect(admin.getByRole('status').filter({ hasText: 'Bob Stone is now an Admin.' })).toBeVisible();
  await expect(roleSelect(admin, 'Bob Stone')).toHaveText('Admin');

  // The role change ended Bob's session; signed in again, he is an admin.
  const ended = await bob.evaluate(() => window.roster.getMe({}));
  expect(ended.ok ? 'signed in' : ended.error.code).toBe('UNAUTHENTICATED');
  await bob.reload();
  await signIn(bob, BOB.email, NEW_PASSWORD);
  await expect(bob.getByRole('heading', { name: 'People' })).toBeVisible();
  await bob.getByRole('button', { name: /^Profile menu for / }).click();
  await expect(bob.getByRole('menuitem', { name: 'Admin Panel' })).toBeVisible();
  await bob.keyboard.press('Escape');

  await chooseRole(admin, 'Bob Stone', 'User');
  await expect(admin.getByRole('status').filter({ hasText: 'Bob Stone is now a User.' })).toBeVisible();

  const afterDemotion = await bob.evaluate(() => window.roster.listPeople({ tab: 'active', pageSize: 25 }));
  expect(afterDemotion.ok ? 'listed' : afterDemotion.error.code).toBe('UNAUTHENTICATED');
  await bob.reload();
  await signIn(bob, BOB.email, NEW_PASSWORD);
  await expect(bob.getByRole('heading', { name: 'Account' })).toBeVisible();
  await bob.getByRole('button', { name: /^Profile menu for / }).click();
  await expect(bob.getByRole('menuitem', { name: 'Account' })).toBeVisible();
  await expect(bob.getByRole('menuitem', { name: 'Admin Panel' })).toHaveCount(0);
  await bob.keyboard.press('Escape');
  const forbidden = await bob.evaluate(() => window.roster.listPeople({ tab: 'active', pageSize: 25 }));
  expect(forbidden.ok ? 'listed' : forbidden.error.code).toBe('FORBIDDEN');
  await bobContext.close();
});

test('an admin is told why they cannot demote, remove or reset themself, and a stale role change is refused', async ({ page, roster }) => {
  await createAdmin(page, roster);
  const me = `${ADMIN.firstName} ${ADMIN.lastName}`;

  await chooseRole(page, me, 'User');
  await expect(page.getByRole('alert').filter({ hasText: "You can't remove your own admin role." })).toBeVisible();
  await expect(roleSelect(page, me)).toHaveText('Admin');

  await rowAction(page, me, 'Remove');
  const remove = page.getByRole('dialog', { name: `Deactivate ${me}?` });
  await remove.getByRole('button', { name: 'Deactivate' }).click();
  await expect(remove.getByRole('alert')).toHaveText("You can't deactivate your own account.");
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, me)).toBeVisible();

  await rowAction(page, me, 'Reset Password');
  const reset = page.getByRole('dialog', { name: `Reset ${me}'s password?` });
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByRole('alert')).toContainText('use Change password on your account page');
  await reset.getByRole('button', { name: 'Cancel' }).click();

  // Someone else (here: a direct call) promotes Cy while this list still shows User.
  await addPerson(page, { firstName: 'Cy', lastName: 'Park', email: 'cy@example.com' });
  await expect(roleSelect(page, 'Cy Park')).toHaveText('User');
  const cy = await page.evaluate(() => window.roster.listPeople({ tab: 'active', pageSize: 25, query: 'cy@' }));
  if (!cy.ok) throw new Error(cy.error.message);
  const promoted = await page.evaluate((id) => window.roster.setRole({ id, role: 'admin', expectedRole: 'user' }), cy.value.rows[0]!.id);
  expect(promoted.ok).toBe(true);
  await chooseRole(page, 'Cy Park', 'Admin');
  await expect(page.getByRole('alert').filter({ hasText: "Cy Park's role was changed elsewhere." })).toBeVisible();
  await expect(roleSelect(page, 'Cy Park')).toHaveText('Admin');
});

test('after main refuses an action, focus stays in the dialog: Tab moves inside it and Escape closes it', async ({ page, roster }) => {
  await createAdmin(page, roster);
  const me = `${ADMIN.firstName} ${ADMIN.lastName}`;
  await rowAction(page, me, 'Remove');
  const remove = page.getByRole('dialog', { name: `Deactivate ${me}?` });
  await remove.getByRole('button', { name: 'Deactivate' }).click();
  await expect(remove.getByRole('alert')).toHaveText("You can't deactivate your own account.");

  const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
  expect(await focusInDialog()).toBe(true);
  await page.keyboard.press('Tab');
  expect(await focusInDialog()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(remove).toBeHidden();
  await expect(row(page, me)).toBeVisible();
});
