// Resend invites from the bulk bar, in the real UI: tick invited people (and one who is not), confirm (the count,
// the names, "cannot be undone"), and see the result: the emails counted as they go out through the SMTP sink, and
// the one not invited listed as left alone; without email, the new codes downloaded once and redeemed.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { codeIn, SmtpSink } from '../fixtures/smtp-sink.ts';
import { NEW_PASSWORD, signInAsSeededAdmin, signOut } from './helpers/accounts.ts';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { expect, test as seeded, type SeedPerson } from './helpers/seed.ts';

const test = seeded.extend<{ sink: SmtpSink }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a function uses from this pattern
  sink: async ({}, use) => {
    const sink = await SmtpSink.start();
    await use(sink);
    await sink.stop();
  },
});

// Generous: these run beside other suites on a shared 2-core machine, where each sign-in (bcrypt cost 12) is slow.
test.describe.configure({ timeout: 120_000 });

const people: SeedPerson[] = [
  { firstName: 'Ivy', lastName: 'Abbott', email: 'ivy@example.org', invited: true },
  { firstName: 'Ian', lastName: 'Abbott', email: 'ian@example.org', invited: true },
  { firstName: 'Paul', lastName: 'Abbott', email: 'paul@example.org' },
];
test.use({ seed: { people } });

const bar = (page: Page) => page.getByRole('region', { name: 'Selected people' });
const tick = (page: Page, name: string) => page.getByRole('checkbox', { name: `Select ${name}` });

async function resendToAll(page: Page) {
  for (const name of ['Ian Abbott', 'Ivy Abbott', 'Paul Abbott']) await tick(page, name).check();
  await expect(bar(page).getByRole('status')).toHaveText('3 people selected');
  await bar(page).getByRole('button', { name: 'Resend invites' }).click();
  const confirm = page.getByRole('dialog', { name: 'Resend invites to 3 people?' });
  await expect(confirm).toContainText('Ian Abbott, Ivy Abbott and Paul Abbott get a new invite if they have not accepted theirs yet');
  await expect(confirm).toContainText('This cannot be undone');
  return confirm;
}

test('resend invites by email: the invited get one each, the one with a password is left alone and listed', async ({ page, roster, sink }) => {
  await signInAsSeededAdmin(page, roster);
  expect((await page.evaluate((s) => window.roster.saveEmailSettings(s), sink.settings())).ok).toBe(true);
  const confirm = await resendToAll(page);
  await expectNoSeriousViolations(page, 'the Resend invites confirmation');
  await confirm.getByRole('button', { name: 'Resend invites' }).click();

  const result = page.getByRole('dialog', { name: 'New invites' });
  await expect(result).toContainText('New invites for 2 people. Skipped 1 person: Paul Abbott (not invited: they already have a password).');
  await expect(result.getByRole('status')).toHaveText('2 of 2 invite emails sent.');
  await expectNoSeriousViolations(page, 'the Resend invites result');
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(bar(page)).toBeHidden(); // the selection is let go once acted on

  const ivy = await sink.waitForMessage((m) => m.to.includes('ivy@example.org'));
  await sink.waitForMessage((m) => m.to.includes('ian@example.org'));
  expect(sink.messages.some((m) => m.to.includes('paul@example.org'))).toBe(false);
  // Ivy's new code works on the sign-in page.
  await signOut(page);
  await page.getByRole('button', { name: 'Have an invite code?' }).click();
  await page.getByLabel('Email').fill('ivy@example.org');
  await page.getByLabel('Code').fill(codeIn(ivy));
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Profile menu for Ivy Abbott' })).toBeVisible();
});

test('resend invites without email: the new codes are downloaded once, then not offered again', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  const confirm = await resendToAll(page);
  await confirm.getByRole('button', { name: 'Resend invites' }).click();
  const result = page.getByRole('dialog', { name: 'New invites' });
  await expect(result).toContainText('Email is not set up: download the new invite codes now, once');
  const downloading = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Download invite codes (once)' }).click();
  const codes = Papa.parse<string[]>(fs.readFileSync(await (await downloading).path(), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(codes.map((r) => r[2])).toEqual(['Email', 'ivy@example.org', 'ian@example.org']); // in the order they were added
  expect(codes[1]![3]).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(result).toContainText('The new invite codes were downloaded; they are not shown again.');
  await expect(result.getByRole('button', { name: 'Download invite codes (once)' })).toBeHidden();
});
