// Bulk actions in the real UI: tick rows (mouse and keyboard), the header box, "Select all N matching", the
// confirmation naming the count and the first names (and who is left alone), the action, and Undo.
import type { Page } from '@playwright/test';
import { signInAsSeededAdmin } from './helpers/accounts.ts';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { expect, test, type SeedPerson } from './helpers/seed.ts';

// Generous: these run beside other suites on a shared 2-core machine, where each sign-in (bcrypt cost 12) is slow.
test.describe.configure({ timeout: 120_000 });

const FIRST = ['Noah', 'Emma', 'Liam', 'Olivia', 'Mateo', 'Sofia'];
const pad = (n: number) => String(n).padStart(2, '0');
// 40 members (two pages of 25 with the admin), and 3 others no search for "member" finds.
const people: SeedPerson[] = [
  ...Array.from({ length: 40 }, (_, i) => ({ firstName: FIRST[i % FIRST.length]!, lastName: `Member${pad(i + 1)}`, email: `member-${pad(i + 1)}@example.org` })),
  // Listed first (by last name, before "Admin"), so they are on the first page.
  ...['Xena', 'Yuri', 'Zack'].map((n) => ({ firstName: n, lastName: 'Abbott', email: `${n.toLowerCase()}@elsewhere.net` })),
];
test.use({ seed: { people } });

const table = (page: Page) => page.getByRole('table', { name: 'People' });
const bar = (page: Page) => page.getByRole('region', { name: 'Selected people' });
const tick = (page: Page, name: string) => page.getByRole('checkbox', { name: `Select ${name}` });
const tabLabel = (page: Page, label: RegExp) => page.getByRole('tab', { name: label });

test('tick two people, confirm (the count and their names), deactivate them, then Undo brings them back', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await tick(page, 'Xena Abbott').check();
  // The keyboard reaches the boxes (in the row's order) and Space ticks them.
  await tick(page, 'Xena Abbott').press('Tab');
  await expect(page.getByRole('combobox', { name: 'Role for Xena Abbott' })).toBeFocused();
  await tick(page, 'Yuri Abbott').focus();
  await page.keyboard.press('Space');
  await expect(tick(page, 'Yuri Abbott')).toBeChecked();
  await expect(bar(page).getByRole('status')).toHaveText('2 people selected');

  await bar(page).getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate 2 people?' });
  await expect(confirm).toContainText("Xena Abbott and Yuri Abbott won't be able to log in anymore.");
  await expectNoSeriousViolations(page, 'the bulk confirmation');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Deactivated 2 people.' });
  await expect(done).toBeVisible();
  await expect(confirm).toBeHidden();
  await expect(bar(page)).toBeHidden(); // the selection is let go once acted on
  await expect(tabLabel(page, /^Deactivated \(2\)$/)).toBeVisible();
  await expect(table(page)).not.toContainText('Xena Abbott');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 2 people back as before.' })).toBeVisible();
  await expect(tabLabel(page, /^Deactivated \(0\)$/)).toBeVisible();
  await expect(table(page)).toContainText('Xena Abbott');
});

test('the header box ticks the page; "Select all N matching" takes the whole search, less the rows unticked', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await page.getByLabel('Search people').fill('member');
  await expect(page.getByTestId('people-count')).toHaveText('40 people found');
  await table(page).getByRole('checkbox', { name: 'Select everyone on this page' }).check();
  await expect(bar(page).getByRole('status')).toHaveText('25 people selected');
  await bar(page).getByRole('button', { name: 'Select all 40 people matching' }).click();
  await expect(bar(page).getByRole('status')).toHaveText('All 40 people selected');
  await tick(page, 'Noah Member01').uncheck();
  await expect(bar(page).getByRole('status')).toHaveText('39 people selected');
  // The header box shows a part of the page ticked.
  expect(await table(page).getByRole('checkbox', { name: 'Select everyone on this page' }).evaluate((b: HTMLInputElement) => b.indeterminate)).toBe(true);
  await expectNoSeriousViolations(page, 'People with the selection bar');

  await bar(page).getByRole('button', { name: 'Make Admin' }).click();
  const confirm = page.getByRole('dialog', { name: 'Make 39 people Admins?' });
  await expect(confirm).toContainText('Emma Member02, Liam Member03, Olivia Member04, Mateo Member05, Sofia Member06 and 34 others will be able to manage everyone');
  await confirm.getByRole('button', { name: 'Make Admin' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Made 39 people Admins.' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Role for Emma Member02' })).toHaveText('Admin');
  await expect(page.getByRole('combobox', { name: 'Role for Noah Member01' })).toHaveText('User');
  // Page two was never on screen, and is in the selection all the same.
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('combobox', { name: 'Role for Sofia Member30' })).toHaveText('Admin');
});

test('your own account is left alone and named in the confirmation; Sign out everywhere offers no Undo', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await table(page).getByRole('checkbox', { name: 'Select everyone on this page' }).check();
  await bar(page).getByRole('button', { name: /^Select all \d+ people matching$/ }).click();
  await expect(bar(page).getByRole('status')).toHaveText('All 44 people selected');
  await bar(page).getByRole('button', { name: 'Sign out everywhere' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign out 44 people everywhere?' });
  await expect(confirm.getByRole('alert').or(confirm.locator('.MuiAlert-root'))).toContainText('Left as they are: Ada Admin (your own account).');
  await confirm.getByRole('button', { name: 'Sign out everywhere' }).click();
  const done = page.getByRole('status').filter({ hasText: /^Signed out 0 people everywhere\. 43 people already so\. Skipped 1 person: Ada Admin \(your own account\)\./ });
  await expect(done).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  // Still signed in: the admin's own session was not ended.
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
});

test.describe('under a Show filter', () => {
  const DAY = 24 * 60 * 60 * 1000;
  // 30 members idle for 200 days and 30 who signed in yesterday: "No sign-in for 180 days" holds exactly the first.
  const idle: SeedPerson[] = Array.from({ length: 30 }, (_, i) => ({ firstName: 'Idle', lastName: `Member${pad(i + 1)}`, email: `idle-${pad(i + 1)}@example.org`, lastLoginAt: Date.now() - 200 * DAY }));
  const recent: SeedPerson[] = Array.from({ length: 30 }, (_, i) => ({ firstName: 'Recent', lastName: `Member${pad(i + 1)}`, email: `recent-${pad(i + 1)}@example.org`, lastLoginAt: Date.now() - DAY }));
  test.use({ seed: { people: [...idle, ...recent] } });

  test('"Select all N matching" takes the filtered people only, and Deactivate leaves everyone else as they were', async ({ page, roster }) => {
    await signInAsSeededAdmin(page, roster);
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: /^No sign-in for 180 days/ }).click();
    await page.getByLabel('Search people').fill('member');
    await expect(page.getByTestId('people-count')).toHaveText('30 people found');
    await table(page).getByRole('checkbox', { name: 'Select everyone on this page' }).check();
    await bar(page).getByRole('button', { name: 'Select all 30 people matching' }).click();
    await expect(bar(page).getByRole('status')).toHaveText('All 30 people selected');
    await expectNoSeriousViolations(page, 'People filtered, with the selection bar');

    await bar(page).getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate 30 people?' });
    await expect(confirm).toContainText('Idle Member01');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deactivated 30 people.' })).toBeVisible();
    await expect(tabLabel(page, /^Deactivated \(30\)$/)).toBeVisible();
    // Main's own answer, not the screen: the 30 deactivated are exactly the idle ones.
    const deactivated = await page.evaluate(async () => {
      const r = await window.roster.listPeople({ tab: 'deactivated', pageSize: 50, sort: 'email' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.rows.map((p) => p.email);
    });
    expect(deactivated).toEqual(idle.map((p) => p.email));
    await expect(tabLabel(page, /^Active \(31\)$/)).toBeVisible();
  });
});
