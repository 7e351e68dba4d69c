// README screenshots of People, each of its dialogs, the sign-in and account pages.
import { expect, test, type SeedPerson } from '../e2e/helpers/seed.ts';
import { shot } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

const day = (d: number, h = 9) => Date.UTC(2026, 0, d, h, 30);
const people: SeedPerson[] = [
  { firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@example.com', role: 'admin', lastLoginAt: day(14) },
  { firstName: 'Alan', lastName: 'Turing', email: 'alan.turing@example.com', lastLoginAt: day(12, 15) },
  { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine.johnson@example.com', lastLoginAt: day(9) },
  { firstName: 'Linus', lastName: 'Torvalds', email: 'linus.torvalds@example.com', role: 'admin', lastLoginAt: day(13, 11) },
  { firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret.hamilton@example.com', lastLoginAt: day(7) },
  { firstName: 'Dennis', lastName: 'Ritchie', email: 'dennis.ritchie@example.com' },
  { firstName: 'Barbara', lastName: 'Liskov', email: 'barbara.liskov@example.com', lastLoginAt: day(10, 16) },
  { firstName: 'Tim', lastName: 'Berners-Lee', email: 'tim.bl@example.com', invited: true },
  { firstName: 'Frances', lastName: 'Allen', email: 'frances.allen@example.com', temporaryPasswordExpired: true },
  { firstName: 'Radia', lastName: 'Perlman', email: 'radia.perlman@example.com', lastLoginAt: day(11) },
  { firstName: 'Ken', lastName: 'Thompson', email: 'ken.thompson@example.com', deactivated: true, lastLoginAt: day(2) },
];
test.use({ seed: { people } });

test('People, its dialogs and the account page', async ({ page, roster }) => {
  await roster.open(page);
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Plum-Orbit-Lantern-42');
  await shot(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('people-count')).toHaveText('11 people found');
  // The admin is told when a temporary password has expired.
  await expect(page.getByRole('row', { name: /Frances Allen/ })).toContainText('Temporary password expired');
  await shot(page, 'people');

  await page.getByRole('button', { name: 'Add person' }).click();
  const add = page.getByRole('dialog', { name: 'Add person' });
  await add.getByLabel('First name').fill('Mae');
  await add.getByLabel('Last name').fill('Jemison');
  await add.getByLabel('Email').fill('mae.jemison@example.com');
  await shot(page, 'add-person-dialog');
  await add.getByRole('button', { name: 'Add person' }).click();
  const added = page.getByRole('dialog', { name: 'Mae Jemison has been added' });
  await expect(added).toBeVisible();
  await shot(page, 'add-person-result');
  await added.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Actions for Alan Turing' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await shot(page, 'row-menu');
  await page.getByRole('menuitem', { name: 'Edit Details' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit details' })).toBeVisible();
  await shot(page, 'edit-details-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Actions for Alan Turing' }).click();
  await page.getByRole('menuitem', { name: 'Reset Password' }).click();
  await expect(page.getByRole('dialog', { name: "Reset Alan Turing's password?" })).toContainText('temporary password');
  await shot(page, 'reset-password-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Actions for Alan Turing' }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await expect(page.getByRole('dialog', { name: 'Deactivate Alan Turing?' })).toBeVisible();
  await shot(page, 'deactivate-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Actions for Tim Berners-Lee' }).click();
  await page.getByRole('menuitem', { name: 'Revoke invite' }).click();
  await expect(page.getByRole('dialog', { name: "Revoke Tim Berners-Lee's invite?" })).toBeVisible();
  await shot(page, 'revoke-invite-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /^Deactivated/ }).click();
  await page.getByRole('button', { name: 'Actions for Ken Thompson' }).click();
  await page.getByRole('menuitem', { name: 'Reactivate' }).click();
  await expect(page.getByRole('dialog', { name: 'Reactivate Ken Thompson?' })).toBeVisible();
  await shot(page, 'reactivate-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Email' }).click();
  await expect(page.getByRole('heading', { name: 'Email', level: 1 })).toBeVisible();
  await shot(page, 'email-settings');

  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await shot(page, 'account');
});
