// The walking skeleton, as a person uses it: first run, sign out, sign in, Admin Panel → People, sign out.
import { test, expect } from './roster-app.ts';

const admin = { first: 'Ada', last: 'Lovelace', email: 'ada@example.org', password: 'correct horse battery staple' };

test('first run → create admin → sign out → sign in → Admin Panel → People shows the admin', async ({ page, roster }) => {
  await roster.open(page);
  await expect(page.getByRole('heading', { name: 'Create your admin account' })).toBeVisible();
  await page.getByLabel('First name').fill(admin.first);
  await page.getByLabel('Last name').fill(admin.last);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel(/^Password/).fill(admin.password);
  await page.getByLabel('Confirm password').fill(admin.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();

  const profile = page.getByRole('button', { name: /Profile menu for Ada Lovelace/ });
  await expect(profile).toBeVisible();
  await profile.click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel(/^Password/).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await profile.click();
  await page.getByRole('menuitem', { name: 'Admin Panel' }).click();
  await expect(page.getByRole('tab', { name: 'People' })).toBeVisible();
  const row = page.getByRole('row', { name: /Ada Lovelace/ });
  await expect(row).toContainText(admin.email);
  await expect(row).toContainText('Admin');

  await profile.click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with a message that does not say which part was wrong', async ({ page, roster }) => {
  await roster.open(page);
  await page.evaluate((a) => window.roster.createFirstAdmin({ firstName: a.first, lastName: a.last, email: a.email, password: a.password }), admin);
  await page.evaluate(() => window.roster.signOut({}));
  await page.reload();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel(/^Password/).fill('not the right password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
});

test('an API call needs this tab\'s key from our own origin: a foreign origin is refused with 403, no key with 401', async ({ page, roster }) => {
  await roster.open(page);
  expect(await page.context().cookies()).toEqual([]); // Roster sets no cookie at all
  const key = await page.evaluate(() => sessionStorage.getItem('roster.bridgeKey'));
  expect(key).toMatch(/^[\w-]{40,}$/);
  const post = (headers: Record<string, string>) =>
    page.request.post(`${roster.origin}/api/getStatus`, { headers: { 'Content-Type': 'application/json', ...headers }, data: {} });
  expect((await post({ Origin: 'http://evil.example', 'X-Roster-Key': key! })).status()).toBe(403);
  expect((await post({ Origin: roster.origin })).status()).toBe(401);
  expect((await post({ Origin: roster.origin, 'X-Roster-Key': 'guessed' })).status()).toBe(401);
  expect((await post({ Origin: roster.origin, 'X-Roster-Key': key! })).status()).toBe(200);
});

test('the page never sees the session token', async ({ page, roster }) => {
  await roster.open(page);
  await page.evaluate((a) => window.roster.createFirstAdmin({ firstName: a.first, lastName: a.last, email: a.email, password: a.password }), admin);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
