// Admin Panel → Policies in the real UI: the idle policy is off by default; the admin sees whom it would deactivate
// now (admins never) before turning it on, the confirmation names the count, turning it on deactivates exactly
// them, and Activity shows each deactivation as done by Roster (policy). Keyboard reachable and axe-checked.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { row, signInAsSeededAdmin } from './helpers/accounts.ts';
import { expect, test, type SeedPerson } from './helpers/seed.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const longAgo = Date.now() - 200 * DAY_MS;
const people: SeedPerson[] = [
  { firstName: 'Kim', lastName: 'Idle', email: 'kim@example.com', lastLoginAt: longAgo },
  { firstName: 'Lee', lastName: 'Idleadmin', email: 'lee@example.com', role: 'admin', lastLoginAt: longAgo },
  { firstName: 'Max', lastName: 'Gone', email: 'max@example.com', deactivated: true, lastLoginAt: longAgo },
  { firstName: 'Sam', lastName: 'Recent', email: 'sam@example.com', lastLoginAt: Date.now() - 3 * DAY_MS },
];
test.use({ seed: { people } });

async function openPolicies(page: Page) {
  // By keyboard: the Admin Panel's tabs move with the arrow keys.
  await page.getByRole('tab', { name: 'People', exact: true }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Policies' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Policies', level: 1 })).toBeVisible();
}

test('turning on the idle policy shows who it would deactivate, confirms the count, and deactivates exactly them', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await openPolicies(page);
  const section = page.getByRole('region', { name: 'Deactivate idle accounts' });
  await expect(section).toContainText('Off: no account is deactivated automatically.');

  const daysField = section.getByLabel('Days without sign-in');
  await daysField.fill('20');
  await expect(section).toContainText('At least 30 days.');
  await expect(section.getByRole('button', { name: 'Turn on…' })).toBeDisabled();
  await daysField.fill('90');
  await expect(section).toContainText('Right now: 1 person. Kim Idle has not signed in for 90 days.');
  await expect(section).toContainText('1 admin has not signed in for 90 days either; admins are never deactivated by this policy.');
  await expectNoSeriousViolations(page, 'Policies with a preview');

  await daysField.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Turn on automatic deactivation?' });
  await expect(confirm).toContainText('Kim Idle has not signed in for 90 days and will be deactivated now');
  await expectNoSeriousViolations(page, 'the confirmation of turning the policy on');
  await confirm.getByRole('button', { name: 'Turn on and deactivate 1 person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Automatic deactivation is on: after 90 days without sign-in. 1 person deactivated.' })).toBeVisible();
  await expect(confirm).toHaveCount(0);
  await expect(section).toContainText('On: accounts with no sign-in for 90 days are deactivated. Last run');
  await expect(section).toContainText('Right now: no one.');

  // People: Kim is on the Deactivated tab beside Max (deactivated before); Lee (an admin) and Sam stay active.
  await page.getByRole('tab', { name: 'People', exact: true }).click();
  await expect(row(page, 'Lee Idleadmin')).toBeVisible();
  await expect(row(page, 'Sam Recent')).toBeVisible();
  await expect(row(page, 'Kim Idle')).toHaveCount(0);
  await page.getByRole('tab', { name: /^Deactivated/ }).click();
  await expect(row(page, 'Kim Idle')).toBeVisible();
  await expect(row(page, 'Max Gone')).toBeVisible();

  // Activity: each deactivation and the run, by Roster (policy); the admin's turning it on, by the admin.
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByRole('table', { name: 'Activity' });
  const kimEntry = activity.locator('tbody tr').filter({ hasText: 'Roster (policy) deactivated Kim Idle: no sign-in for 90 days' });
  await expect(kimEntry).toBeVisible();
  await expect(kimEntry.locator('td').nth(2)).toHaveText('Roster (policy)');
  await expect(activity).toContainText('Roster (policy) deactivated 1 person with no sign-in for 90 days');
  await expect(activity).toContainText('Ada Admin turned on the automatic deactivation of accounts with no sign-in for 90 days');
  await expectNoSeriousViolations(page, 'Activity with the policy entries');

  // Turned off: the page says so, and it stays off after a reload.
  await openPolicies(page);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Automatic deactivation is off.' })).toBeVisible();
  await page.reload();
  await openPolicies(page);
  await expect(page.getByRole('region', { name: 'Deactivate idle accounts' })).toContainText('Off: no account is deactivated automatically.');
});
