// README screenshots of bulk actions: the selection bar over "all matching", the confirmation, and Undo.
import { expect, test, type SeedPerson } from '../e2e/helpers/seed.ts';
import { shot } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

const FIRST = ['Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Radia', 'Frances', 'Ken'];
const LAST = ['Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Perlman', 'Allen', 'Thompson'];
const people: SeedPerson[] = Array.from({ length: 60 }, (_, i) => ({
  firstName: FIRST[i % 10]!,
  lastName: LAST[Math.floor(i / 10) % 10]!,
  email: `${FIRST[i % 10]!.toLowerCase()}.${LAST[Math.floor(i / 10) % 10]!.toLowerCase()}${i}@contractors.example.com`,
  lastLoginAt: i % 4 === 0 ? undefined : Date.UTC(2026, 0, 1 + (i % 27), 9, 30),
}));
test.use({ seed: { people } });

test('bulk selection, confirmation and Undo', async ({ page, roster }) => {
  await roster.open(page);
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Plum-Orbit-Lantern-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Search people').fill('contractors');
  await expect(page.getByTestId('people-count')).toHaveText('60 people found');
  await page.getByRole('checkbox', { name: 'Select everyone on this page' }).check();
  await page.getByRole('button', { name: 'Select all 60 people matching' }).click();
  await page.getByRole('checkbox', { name: 'Select Alan Hopper' }).uncheck();
  await page.mouse.move(0, 0);
  await shot(page, 'people-bulk-selection');

  await page.getByRole('region', { name: 'Selected people' }).getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate 59 people?' });
  await expect(confirm).toContainText('and 54 others');
  await shot(page, 'people-bulk-confirm');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await shot(page, 'people-bulk-undo');
});
