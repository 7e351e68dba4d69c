// README screenshots of Admin Panel → Policies: the idle policy's preview, and the confirmation of turning it on.
import { expect, test, type SeedPerson } from '../e2e/helpers/seed.ts';
import { shot } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => Date.now() - days * DAY;
const people: SeedPerson[] = [
  { firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@example.com', role: 'admin', lastLoginAt: ago(400) },
  { firstName: 'Alan', lastName: 'Turing', email: 'alan.turing@example.com', lastLoginAt: ago(300) },
  { firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret.hamilton@example.com', lastLoginAt: ago(240) },
  { firstName: 'Dennis', lastName: 'Ritchie', email: 'dennis.ritchie@example.com', lastLoginAt: ago(200) },
  { firstName: 'Barbara', lastName: 'Liskov', email: 'barbara.liskov@example.com', lastLoginAt: ago(40) },
  { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine.johnson@example.com', lastLoginAt: ago(2) },
];
test.use({ seed: { people } });

test('Policies: the idle policy previewed, and its confirmation', async ({ page, roster }) => {
  await page.setViewportSize({ width: 1100, height: 760 });
  await roster.open(page);
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Plum-Orbit-Lantern-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: 'Policies' }).click();
  const days = page.getByLabel('Days without sign-in');
  await days.fill('180');
  await expect(page.getByText('Right now: 3 people.')).toBeVisible();
  await shot(page, 'policies');
  await page.getByRole('button', { name: 'Turn on…' }).click();
  await expect(page.getByRole('button', { name: 'Turn on and deactivate 3 people' })).toBeVisible();
  await shot(page, 'policies-confirm');
});
