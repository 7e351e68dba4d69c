// Admin Panel → Backups steps shared by the backups spec and the README screenshots.
import { expect, type Page } from '@playwright/test';

export async function openBackups(page: Page) {
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
}

export async function backUpNow(page: Page) {
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Backed up \d+ people to roster-/ })).toBeVisible();
}

export const backupRows = (page: Page, kind: string) => page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: kind });
