// README screenshots of the People filters (the Show list with its counts), a locked-out person's row menu, and
// the Account page's sessions.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test, type SeedPerson } from '../e2e/helpers/seed.ts';
import type { RosterApp } from '../e2e/roster-app.ts';
import { SCREENSHOTS } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => Date.now() - days * DAY;
const people: SeedPerson[] = [
  { firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@example.com', role: 'admin', lastLoginAt: ago(1) },
  { firstName: 'Alan', lastName: 'Turing', email: 'alan.turing@example.com', lastLoginAt: ago(200) },
  { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine.johnson@example.com', lastLoginAt: ago(3), lockedForMinutes: 9 },
  { firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret.hamilton@example.com', lastLoginAt: ago(95) },
  { firstName: 'Dennis', lastName: 'Ritchie', email: 'dennis.ritchie@example.com' },
  { firstName: 'Barbara', lastName: 'Liskov', email: 'barbara.liskov@example.com', lastLoginAt: ago(40) },
  { firstName: 'Tim', lastName: 'Berners-Lee', email: 'tim.bl@example.com', invited: true },
  { firstName: 'Frances', lastName: 'Allen', email: 'frances.allen@example.com', temporaryPasswordExpired: true },
];
test.use({ seed: { people } });

async function shot(page: Page, name: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function signInAda(page: Page) {
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Plum-Orbit-Lantern-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function secondWindow(browser: Browser, roster: RosterApp) {
  const page = await (await browser.newContext()).newPage();
  await roster.open(page);
  await signInAda(page);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
}

test('People filters, a locked-out row and the Account sessions', async ({ page, roster, browser }) => {
  await roster.open(page);
  await signInAda(page);
  await expect(page.getByTestId('people-count')).toHaveText('9 people found');
  await page.getByRole('combobox', { name: 'Show' }).click();
  await expect(page.getByRole('option', { name: 'Admins (2)' })).toBeVisible();
  await expect(page.getByRole('option', { name: /^Locked out \(1\)/ })).toBeVisible();
  await shot(page, 'people-filters');
  await page.getByRole('option', { name: /^No sign-in for 30 days/ }).click();
  await expect(page.getByRole('row', { name: /Alan Turing/ })).toBeVisible();
  await shot(page, 'people-idle');

  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: /^Locked out/ }).click();
  await expect(page.getByRole('row', { name: /Katherine Johnson/ })).toContainText('Locked until');
  await page.getByRole('button', { name: 'Actions for Katherine Johnson' }).click();
  await expect(page.getByRole('menuitem', { name: 'Unlock' })).toBeVisible();
  await shot(page, 'people-locked');
  await page.keyboard.press('Escape');

  await secondWindow(browser, roster);
  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await expect(page.getByTestId('own-session')).toHaveCount(2);
  await shot(page, 'account-sessions');
});
