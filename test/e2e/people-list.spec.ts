// The People list over 131 people: server-side search, sort by column headers, page sizes and first/previous/next/last.
import { signInAsSeededAdmin } from './helpers/accounts.ts';
import { expect, test, type SeedPerson } from './helpers/seed.ts';
import type { Page } from '@playwright/test';

// Generous: these run beside other suites on a shared 2-core machine, where each sign-in (bcrypt cost 12) is slow.
test.describe.configure({ timeout: 120_000 });

const FIRST = ['Noah', 'Emma', 'Liam', 'Olivia', 'Mateo', 'Sofia', 'Kenji', 'Amara', 'Ivan', 'Zoe'];
const LAST = ['Quinn', 'Baker', 'Okafor', 'Novak', 'Silva', 'Tanaka', 'Reed', 'Haddad', 'Larsen', 'Moreau', 'Costa', 'Walsh', 'Young'];
const pad = (n: number) => String(n).padStart(3, '0');
const people: SeedPerson[] = Array.from({ length: 130 }, (_, i) => ({
  firstName: FIRST[i % FIRST.length]!,
  lastName: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
  email: `Member-${pad(i + 1)}@Example.org`,
  lastLoginAt: i % 3 === 0 ? Date.UTC(2025, 0, 1 + (i % 28), 12) : undefined,
}));
test.use({ seed: { people } });

const bodyRows = (page: Page) => page.getByRole('table', { name: 'People' }).locator('tbody tr');
const count = (page: Page) => page.getByTestId('people-count');
const pageNumber = (page: Page) => page.getByTestId('page-number');


test('search narrows the list on the server, case-insensitively, and says when no one matches', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await expect(count(page)).toHaveText('131 people found');
  await page.getByLabel('Search people').pressSequentially('MEMBER-01');
  await expect(count(page)).toHaveText('10 people found');
  await expect(bodyRows(page)).toHaveCount(10);
  for (const text of await bodyRows(page).allInnerTexts()) expect(text).toContain('member-01');

  await page.getByLabel('Search people').fill('okafor');
  await expect(count(page)).toHaveText('10 people found');
  await page.getByLabel('Search people').fill('zzz-nobody');
  await expect(page.getByText('No one matches “zzz-nobody”')).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(0);
  await page.getByLabel('Search people').fill('');
  await expect(count(page)).toHaveText('131 people found');
});

test('sorting by a column header works both ways', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  const email = page.getByRole('button', { name: 'Email' });
  await email.click();
  await expect(bodyRows(page).first()).toContainText('ada@example.com');
  await expect(page.getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'ascending');
  await email.click();
  await expect(page.getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).toContainText('member-130@example.org');
  await expect(bodyRows(page).nth(1)).toContainText('member-129@example.org');

  await page.getByRole('button', { name: 'Name' }).click();
  await expect(bodyRows(page).first()).toContainText('Ada Admin');
  await page.getByRole('button', { name: 'Role' }).click();
  await expect(bodyRows(page).first()).toContainText('Ada Admin');
  await page.getByRole('button', { name: 'Role' }).click();
  await expect(page.getByRole('columnheader', { name: 'Role' })).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).not.toContainText('Ada Admin');
  await page.getByRole('button', { name: 'Last login' }).click();
  await expect(bodyRows(page).first()).toContainText('Never');
  // Descending: Ada (signed in just now), then the latest seeded sign-in.
  await page.getByRole('button', { name: 'Last login' }).click();
  await expect(bodyRows(page).first()).toContainText('Ada Admin');
  await expect(bodyRows(page).nth(1)).toContainText('Jan 28, 2025');
});

test('paging: next, previous, last and first pages, and 25/50/100 rows per page', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await page.getByRole('button', { name: 'Email' }).click();
  await expect(bodyRows(page).first()).toContainText('ada@example.com');
  await expect(pageNumber(page)).toHaveText('Page 1 of 6');
  await expect(bodyRows(page)).toHaveCount(25);
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(pageNumber(page)).toHaveText('Page 2 of 6');
  await expect(bodyRows(page).first()).toContainText('member-025@example.org');

  await page.getByRole('button', { name: 'Last page' }).click();
  await expect(pageNumber(page)).toHaveText('Page 6 of 6');
  await expect(bodyRows(page)).toHaveCount(6);
  await expect(bodyRows(page).first()).toContainText('member-125@example.org');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(pageNumber(page)).toHaveText('Page 5 of 6');
  await expect(bodyRows(page).first()).toContainText('member-100@example.org');
  await page.getByRole('button', { name: 'First page' }).click();
  await expect(pageNumber(page)).toHaveText('Page 1 of 6');

  for (const [size, pages] of [[50, 3], [100, 2]] as const) {
    await page.getByRole('combobox', { name: 'Rows per page' }).click();
    await page.getByRole('option', { name: String(size), exact: true }).click();
    await expect(pageNumber(page)).toHaveText(`Page 1 of ${pages}`);
    await expect(bodyRows(page)).toHaveCount(size);
  }
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(bodyRows(page)).toHaveCount(31);
  await expect(count(page)).toHaveText('131 people found');
});
