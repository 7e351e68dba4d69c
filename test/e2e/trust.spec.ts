// Browser mode against the programs around it (see docs/SECURITY.md): cookies for 127.0.0.1 reach every local web
// service the browser visits, so none of them may grant anything; launch links work once; tabs need their own.
import AxeBuilder from '@axe-core/playwright';
import { ADMIN, createAdmin } from './helpers/accounts.ts';
import { expect, test } from './roster-app.ts';

test('Trust 1: a second browser profile given every cookie the admin\'s browser has for 127.0.0.1 sees no People', async ({ page, roster, browser }) => {
  await createAdmin(page, roster);
  await expect(page.getByRole('row', { name: new RegExp(ADMIN.email) })).toBeVisible();

  const cookies = await page.context().cookies();
  const stranger = await browser.newContext();
  if (cookies.length) await stranger.addCookies(cookies);
  const other = await stranger.newPage();
  await other.goto(`${roster.origin}/`);
  const shown = other.getByRole('heading', { level: 1 });
  await expect(shown).toBeVisible(); // whatever the page settles on: People, or the way to connect
  await expect(shown).toHaveText('This page is not connected to Roster');
  await expect(other.getByText(ADMIN.email)).toHaveCount(0);
  // And the same cookies, replayed by a program with the Origin it likes, list nobody.
  const replayed = await stranger.request.post(`${roster.origin}/api/listPeople`, {
    headers: { Origin: roster.origin, 'Content-Type': 'application/json' },
    data: { tab: 'active', pageSize: 25 },
  });
  expect(await replayed.text()).not.toContain(ADMIN.email);
  expect(replayed.status()).toBe(401);
  await stranger.close();
});

test('Trust 3: a launch link works once; reloading the tab keeps it signed in; a spent link says how to get a new one', async ({ page, roster, browser }) => {
  const link = roster.url; // the link Roster printed when it started
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Create your admin account' })).toBeVisible();
  expect(page.url()).toBe(`${roster.origin}/`); // the spent link left the address bar and this history entry
  const created = await page.evaluate((a) => window.roster.createFirstAdmin(a), ADMIN);
  expect(created.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();

  const later = await browser.newContext();
  const again = await later.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
  await expect(again.getByText('Press Enter. Roster prints a new one-time link and opens it in your browser.')).toBeVisible();
  const { violations } = await new AxeBuilder({ page: again }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await later.close();
});

test('a new tab of the same browser needs its own link; Enter in the terminal gives one', async ({ page, roster }) => {
  await createAdmin(page, roster);
  const tab = await page.context().newPage();
  await tab.goto(`${roster.origin}/`);
  await expect(tab.getByRole('heading', { name: 'This page is not connected to Roster' })).toBeVisible();
  await tab.goto(await roster.newLink());
  await expect(tab.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible(); // the first tab is still signed in
});
