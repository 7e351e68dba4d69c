// Shared steps for the People e2e tests: the first admin, signing in and out, and driving a People row.
import type { Page } from '@playwright/test';
import { expect, type RosterApp } from '../roster-app.ts';

export const ADMIN = { firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com', password: 'Plum-Orbit-Lantern-42' };
/** A password the policy accepts, for people choosing their own. */
export const NEW_PASSWORD = 'Quiet-Harbour-Violin-88';

/** Creates the first admin through the API (the first-run screen has its own test) and shows People. */
export async function createAdmin(page: Page, roster: RosterApp): Promise<void> {
  await roster.open(page);
  const result = await page.evaluate((a) => window.roster.createFirstAdmin(a), ADMIN);
  expect(result.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Profile menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Signs in with a temporary password and chooses `NEW_PASSWORD` on the screen that cannot be skipped. */
export async function signInAndChoosePassword(page: Page, email: string, temporaryPassword: string): Promise<void> {
  await signIn(page, email, temporaryPassword);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save password' }).click();
}

export function row(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}

export async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Adds a person through the Add person dialog and returns the temporary password it shows once. */
export async function addPerson(page: Page, p: { firstName: string; lastName: string; email: string }): Promise<string> {
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await dialog.getByLabel('First name').fill(p.firstName);
  await dialog.getByLabel('Last name').fill(p.lastName);
  await dialog.getByLabel('Email').fill(p.email);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  const result = page.getByRole('dialog', { name: `${p.firstName} ${p.lastName} has been added` });
  const password = await result.getByLabel('Temporary password').inputValue();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(result).toBeHidden();
  return password;
}

export const roleSelect = (page: Page, name: string) => page.getByRole('combobox', { name: `Role for ${name}` });

export async function chooseRole(page: Page, name: string, role: 'User' | 'Admin'): Promise<void> {
  await roleSelect(page, name).click();
  await page.getByRole('option', { name: role }).click();
}

/** Signs in as the admin a seeded data folder holds (helpers/seed.ts) and waits for People. */
export async function signInAsSeededAdmin(page: Page, roster: Pick<RosterApp, 'open'>): Promise<void> {
  await roster.open(page);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
}
