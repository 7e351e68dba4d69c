// Hygiene on People: the filters (with counts, combined with search), a locked-out person unlocked from the row menu,
// Sign out everywhere seen from the person's own browser, and one's own sessions on the Account page. Axe-checked.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test, type RosterApp } from './roster-app.ts';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { ADMIN, createAdmin, NEW_PASSWORD, row, rowAction, signIn, signInAndChoosePassword } from './helpers/accounts.ts';

// Sign-ins run bcrypt at cost 12 (and a lockout takes ten of them) on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const LIN = { firstName: 'Lin', lastName: 'Reyes', email: 'lin@example.com' };
const SAM = { firstName: 'Sam', lastName: 'Okafor', email: 'sam@example.com' };

/** Adds a person through the API the page uses and returns their temporary password. */
async function addThroughApi(page: Page, p: typeof LIN): Promise<{ id: number; temporaryPassword: string }> {
  return page.evaluate(async (person) => {
    const r = await window.roster.addPerson(person);
    if (!r.ok || r.value.delivery.kind !== 'temporaryPassword') throw new Error('addPerson failed');
    return { id: r.value.person.id, temporaryPassword: r.value.delivery.temporaryPassword };
  }, p);
}

/** A second browser (its own context: its own session), opened on Roster with a fresh one-time link. */
async function otherBrowser(browser: Browser, roster: RosterApp): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await roster.open(page);
  return page;
}

async function show(page: Page, option: RegExp | string) {
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: option }).click();
}

test('filters narrow the tab with a count each, combine with search, and the view is what the rows show', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await addThroughApi(page, LIN);
  const sam = await addThroughApi(page, SAM);
  await page.evaluate((id) => window.roster.setRole({ id, role: 'admin', expectedRole: 'user' }), sam.id);
  await page.reload();

  await page.getByRole('combobox', { name: 'Show' }).click();
  // Each filter's count arrives after the rows: Ada and Sam are admins; Lin and Sam still hold temporary passwords.
  await expect(page.getByRole('option', { name: 'Admins (2)' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Temporary password not yet changed (2)' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Locked out (0)' })).toBeVisible();
  await expectNoSeriousViolations(page, 'People with the Show list open');
  await page.getByRole('option', { name: 'Admins (2)' }).click();
  await expect(page.getByRole('row')).toHaveCount(3); // the header and two admins
  await expect(row(page, 'Sam Okafor')).toBeVisible();
  await expect(row(page, 'Lin Reyes')).toHaveCount(0);

  await show(page, /^Temporary password not yet changed/);
  await expect(row(page, 'Lin Reyes')).toBeVisible();
  await expect(row(page, 'Ada Admin')).toHaveCount(0);
  await page.getByLabel('Search people').fill('okafor');
  await expect(row(page, 'Sam Okafor')).toBeVisible();
  await expect(row(page, 'Lin Reyes')).toHaveCount(0);
  await page.getByLabel('Search people').fill('');

  // A custom idle period: nobody has been idle for 1 day yet, so the list says the filter matches no one.
  await show(page, 'No sign-in for a number of days…');
  const ask = page.getByRole('dialog', { name: 'No sign-in for how many days?' });
  await ask.getByLabel('Days').fill('0');
  await ask.getByRole('button', { name: 'Show' }).click();
  await expect(ask).toContainText('At least 1 day.');
  await ask.getByLabel('Days').fill('1');
  await ask.getByLabel('Days').press('Enter');
  await expect(page.getByText('No one here matches this filter')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveText(/No sign-in for 1 day/);

  await show(page, 'Everyone');
  await expect(page.getByRole('row')).toHaveCount(4);
});

test('a locked-out person shows a Locked chip with when it lifts; Unlock lets them sign in at once', async ({ page, roster, browser }) => {
  await createAdmin(page, roster);
  const lin = await addThroughApi(page, LIN);
  const theirs = await otherBrowser(browser, roster);
  // Twenty wrong passwords for Lin's address 50 minutes ago (the wait they caused is over), written straight into
  // the throttle's table so the test need not sit through them; then one more now, through the app: the throttle
  // holds the address back for about ten minutes, long enough for the steps below on a loaded machine.
  const db = new Database(path.join(roster.dataDir, 'roster.db'));
  const earlier = Date.now() - 50 * 60_000;
  for (let i = 0; i < 20; i++) db.prepare('INSERT INTO login_failures (email, at) VALUES (?, ?)').run(LIN.email, earlier + i);
  db.close();
  const wrong = await theirs.evaluate((email) => window.roster.signIn({ email, password: 'not her password at all' }), LIN.email);
  expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  const refused = await theirs.evaluate((email) => window.roster.signIn({ email, password: 'not her password either' }), LIN.email);
  expect(refused).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
  await page.reload();
  await show(page, /^Locked out/);
  await expect(row(page, 'Lin Reyes')).toContainText(/Locked until/);
  await expectNoSeriousViolations(page, 'People with a Locked chip');

  await rowAction(page, 'Lin Reyes', 'Unlock');
  const confirm = page.getByRole('dialog', { name: 'Unlock Lin Reyes?' });
  await expect(confirm).toContainText('Too many failed sign-ins for lin@example.com');
  await confirm.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Lin Reyes can sign in again.')).toBeVisible();
  await expect(row(page, 'Lin Reyes')).toHaveCount(0); // no longer in the Locked out filter

  await theirs.reload();
  await signInAndChoosePassword(theirs, LIN.email, lin.temporaryPassword);
  await expect(theirs.getByRole('heading', { name: 'Account' })).toBeVisible();
});

test("Sign out everywhere ends the person's session: their own browser asks them to sign in again", async ({ page, roster, browser }) => {
  await createAdmin(page, roster);
  const lin = await addThroughApi(page, LIN);
  const theirs = await otherBrowser(browser, roster);
  await signInAndChoosePassword(theirs, LIN.email, lin.temporaryPassword);
  await expect(theirs.getByRole('heading', { name: 'Account' })).toBeVisible();

  await page.reload();
  await rowAction(page, 'Lin Reyes', 'Sign out everywhere');
  const confirm = page.getByRole('dialog', { name: 'Sign Lin Reyes out everywhere?' });
  await confirm.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('Lin Reyes has been signed out everywhere.')).toBeVisible();

  // Lin's next call finds the session gone: the app returns to Sign in. Her password still works.
  await theirs.reload();
  await signIn(theirs, LIN.email, NEW_PASSWORD);
  await expect(theirs.getByRole('heading', { name: 'Account' })).toBeVisible();
});

test('the Account page lists this window and the others, and signs out the others', async ({ page, roster, browser }) => {
  await createAdmin(page, roster);
  const other = await otherBrowser(browser, roster);
  await signIn(other, ADMIN.email, ADMIN.password);
  await expect(other.getByRole('heading', { name: 'People' })).toBeVisible();

  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  const sessions = page.getByRole('list', { name: 'Your sessions' });
  await expect(sessions.getByTestId('own-session')).toHaveCount(2);
  await expect(sessions).toContainText('This window');
  await expect(sessions).toContainText('Another window or browser');
  await expectNoSeriousViolations(page, 'Account with sessions');
  await page.getByRole('button', { name: 'Sign out other sessions (1)' }).click();
  await page.getByRole('dialog', { name: 'Sign out your other sessions?' }).getByRole('button', { name: 'Sign out others' }).click();
  await expect(page.getByText('1 other session was signed out.')).toBeVisible();
  await expect(sessions.getByTestId('own-session')).toHaveCount(1);

  await other.reload();
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
