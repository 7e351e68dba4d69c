// Admin Panel → Activity in the real UI: what was done on People reads back as sentences, filters combine, the row
// menu opens a person's activity, the export downloads a CSV, a tampered log is named, and the page is axe-clean,
// keyboard-usable (its README screenshot: test/screenshots/activity.spec.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './roster-app.ts';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { addPerson, chooseRole, createAdmin, row, rowAction } from './helpers/accounts.ts';
import { peopleActionsByApi } from './helpers/activity.ts';

test.describe.configure({ timeout: 120_000 });

const activityRows = (page: Page) => page.getByRole('table', { name: 'Activity' }).locator('tbody tr');

async function openActivity(page: Page) {
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
}

/** Grace is added, her email corrected, made an Admin and back, then removed; Alan is added. */
async function peopleActions(page: Page) {
  await addPerson(page, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@old.test' });
  await rowAction(page, 'Grace Hopper', 'Edit Details');
  const edit = page.getByRole('dialog', { name: 'Edit details' });
  await edit.getByLabel('Email').fill('grace@new.test');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await chooseRole(page, 'Grace Hopper', 'Admin');
  await expect(page.getByText('Grace Hopper is now an Admin.')).toBeVisible();
  await rowAction(page, 'Grace Hopper', 'Remove');
  await page.getByRole('dialog', { name: 'Deactivate Grace Hopper?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(row(page, 'Grace Hopper')).toHaveCount(0);
  await addPerson(page, { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' });
}

test('People actions show up in Activity, in words, newest first, and the log is verified', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await peopleActions(page);
  await openActivity(page);
  await expect(page.getByTestId('log-verification')).toContainText('Log verified');
  await expect(activityRows(page).first()).toContainText('Ada Admin added Alan Turing (alan@example.com)');
  const sentences = await activityRows(page).locator('td:nth-child(2) p').allTextContents();
  expect(sentences.slice(0, 5)).toEqual([
    'Ada Admin added Alan Turing (alan@example.com), with a temporary password shown once',
    'Ada Admin deactivated Grace Hopper',
    "Ada Admin changed Grace Hopper's role from User to Admin",
    "Ada Admin changed Grace Hopper's email from grace@old.test to grace@new.test",
    'Ada Admin added Grace Hopper (grace@old.test), with a temporary password shown once',
  ]);
  const roleRow = activityRows(page).filter({ hasText: "changed Grace Hopper's role" });
  await expect(roleRow.getByRole('list', { name: 'Changes' })).toHaveText('Role: User → Admin');
  await expect(page.getByTestId('activity-count')).toHaveText(/^\d+ entries$/);
});

test('View activity on a row opens Activity filtered to that person; filters combine', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await peopleActions(page);
  await page.getByRole('tab', { name: /^Deactivated/ }).click();
  await rowAction(page, 'Grace Hopper', 'View activity');
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Person (acting or concerned)')).toHaveValue('Grace Hopper');
  await expect(page.getByTestId('activity-count')).toHaveText('4 entries');
  await expect(activityRows(page)).toHaveCount(4);

  // Kinds: only role changes.
  await page.getByRole('combobox', { name: 'Kinds of action' }).click();
  await page.getByRole('option', { name: 'Roles' }).click();
  await page.keyboard.press('Escape');
  await expect(activityRows(page)).toHaveCount(1);
  await expect(activityRows(page)).toContainText("changed Grace Hopper's role");
  // Today, and then a custom range long past: nothing.
  await page.getByRole('combobox', { name: 'When' }).click();
  await page.getByRole('option', { name: 'Today' }).click();
  await expect(activityRows(page)).toHaveCount(1);
  await page.getByRole('combobox', { name: 'When' }).click();
  await page.getByRole('option', { name: 'Custom range' }).click();
  await page.getByLabel('First day').fill('2001-01-01');
  await page.getByLabel('Last day').fill('2001-01-31');
  await expect(page.getByText('No activity matches these filters')).toBeVisible();
  await expect(page.getByTestId('activity-count')).toHaveText('0 entries');

  // Another person by type-ahead over names and emails.
  await page.getByRole('combobox', { name: 'When' }).click();
  await page.getByRole('option', { name: 'Any time' }).click();
  await page.getByRole('combobox', { name: 'Kinds of action' }).click();
  await page.getByRole('option', { name: 'Roles' }).click();
  await page.keyboard.press('Escape');
  const person = page.getByLabel('Person (acting or concerned)');
  await person.fill('alan@exa');
  await page.getByRole('option', { name: /Alan Turing — alan@example.com/ }).click();
  await expect(activityRows(page)).toHaveCount(1);
  await expect(activityRows(page)).toContainText('added Alan Turing');
});

test('paging: newest first, 25 a page, first/previous/next/last and the page size', async ({ page, roster }) => {
  await createAdmin(page, roster);
  // 30 people added through the same API the People page calls: 31 entries with the admin's creation.
  const added = await page.evaluate(async () => {
    let ok = 0;
    for (let i = 1; i <= 30; i++) {
      const r = await window.roster.addPerson({ firstName: 'Page', lastName: `Person${String(i).padStart(2, '0')}`, email: `page${i}@example.com` });
      if (r.ok) ok++;
    }
    return ok;
  });
  expect(added).toBe(30);
  await openActivity(page);
  await expect(page.getByTestId('activity-count')).toHaveText('31 entries');
  await expect(activityRows(page)).toHaveCount(25);
  await expect(activityRows(page).first()).toContainText('added Page Person30');
  await expect(page.getByTestId('activity-page-number')).toHaveText('Page 1 of 2');
  await page.getByRole('button', { name: 'Older entries' }).click();
  await expect(activityRows(page)).toHaveCount(6);
  await expect(activityRows(page).first()).toContainText('added Page Person05');
  await expect(activityRows(page).last()).toContainText('set up Roster');
  await expect(page.getByTestId('activity-page-number')).toHaveText('Page 2 of 2');
  await expect(page.getByRole('button', { name: 'Older entries' })).toBeDisabled();
  await page.getByRole('button', { name: 'Newer entries' }).click();
  await expect(activityRows(page).first()).toContainText('added Page Person30');
  await page.getByRole('button', { name: 'Oldest entries' }).click();
  await expect(activityRows(page)).toHaveCount(6);
  await page.getByRole('button', { name: 'Newest entries' }).click();
  await expect(activityRows(page)).toHaveCount(25);
  await page.getByLabel('Entries per page').click();
  await page.getByRole('option', { name: '50' }).click();
  await expect(activityRows(page)).toHaveCount(31);
  await expect(page.getByTestId('activity-page-number')).toHaveText('Page 1 of 1');
});

test('Export CSV downloads the filtered entries, formulas neutralised', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: '=cmd', lastName: 'Trick', email: 'trick@example.com' });
  await openActivity(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^roster-activity-.*\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('\uFEFFWhen (UTC),What happened,Changes,Kind,Action,Acting person,Acting email,Concerned person,Concerned email,Times,Entry,Hash');
  expect(text).toContain(`"'=cmd Trick"`);
  expect(text).toContain('Ada Admin set up Roster and became its first admin');
});

test('a row changed with plain SQL is named as the break', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addPerson(page, { firstName: 'Mae', lastName: 'Jemison', email: 'mae@example.com' });
  await openActivity(page);
  await expect(page.getByTestId('log-verification')).toContainText('Log verified');
  const db = new Database(path.join(roster.dataDir, 'roster.db'));
  const id = db.prepare("SELECT id FROM audit_log WHERE action = 'person_added'").pluck().get() as number;
  db.prepare("UPDATE audit_log SET details = json_set(details, '$.email', 'someone@else.test') WHERE id = ?").run(id);
  db.close();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('log-verification')).toContainText(`The log's chain breaks at entry ${id}`);
});


test('the Activity page is axe-clean and works from the keyboard', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await peopleActionsByApi(page);
  await page.getByRole('tab', { name: 'People' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByTestId('log-verification')).toContainText('Log verified');
  await expectNoSeriousViolations(page, 'Activity');

  // Keyboard: the person filter, then a kind, all without the mouse.
  const person = page.getByLabel('Person (acting or concerned)');
  await person.focus();
  await page.keyboard.type('Grace');
  await expect(page.getByRole('option', { name: /Grace Hopper/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'Activity, person suggestions open');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('activity-count')).toHaveText('4 entries');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Kinds of action' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectNoSeriousViolations(page, 'Activity, kinds open');
  await page.keyboard.press('Escape');
  await person.focus();
  await page.keyboard.press('Escape'); // clears the person
  await expect(page.getByTestId('activity-count')).not.toHaveText('4 entries');

  // Created, Grace added, edited, promoted, deactivated, Alan added: six entries, all on the first page.
  await expect(page.getByTestId('activity-count')).toHaveText('6 entries');
  await expect(activityRows(page)).toHaveCount(6);
});
