// Email end to end, in browser mode: SMTP set up through the Email page, an invite read from the real SMTP
// sink (running in this test process) and redeemed on the sign-in screen, and the forgot-password flow.
import type { Page } from '@playwright/test';
import { codeIn, SINK_PASSWORD, SINK_USER, SmtpSink } from '../fixtures/smtp-sink.ts';
import { ADMIN, createAdmin, NEW_PASSWORD, signOut } from './helpers/accounts.ts';
import { expect, test as base } from './roster-app.ts';

const test = base.extend<{ sink: SmtpSink }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a function uses from this pattern
  sink: async ({}, use) => {
    const sink = await SmtpSink.start();
    await use(sink);
    await sink.stop();
  },
});

// Roster's own stderr, printed when a test fails (a crash of the server would otherwise go unexplained).
let rosterStderr = '';
test.beforeEach(({ roster }) => {
  rosterStderr = '';
  roster.process.stderr!.on('data', (d) => (rosterStderr += String(d)));
});
// eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a function uses from this pattern
test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus && rosterStderr) console.error(`Roster stderr:\n${rosterStderr}`);
});

const BOB = { firstName: 'Bob', lastName: 'Marley', email: 'bob@example.org' };
const CODE_SENT = "If an account exists for that address, we've sent a code. It expires in 1 hour.";

async function fillEmailSettings(page: Page, sink: SmtpSink) {
  await page.getByLabel('SMTP host').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(sink.port));
  await expect(page.getByRole('combobox', { name: 'Security' })).toHaveText(/STARTTLS/);
  await page.getByLabel('Username').fill(SINK_USER);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(SINK_PASSWORD);
  await page.getByLabel('From address').fill('roster@example.org');
  await page.getByLabel('From name').fill('Roster at Example');
}

test('an invite is received by email and redeemed on the sign-in screen', async ({ page, roster, sink }) => {
  test.slow(); // a long walk through two accounts; the shared CI machine can be busy
  await createAdmin(page, roster);
  await page.getByRole('tab', { name: 'Email' }).click();
  await expect(page.getByRole('heading', { name: 'Email' })).toBeVisible();
  await expect(page.getByText(/weaker than an operating-system keychain/)).toBeVisible();
  await fillEmailSettings(page, sink);

  // The sink's certificate is self-signed: refused until the option is on, and the error sits on that option.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/certificate is self-signed or not trusted/)).toBeVisible();
  await page.getByLabel(/Accept self-signed certificates/).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Connection tested and email settings saved.')).toBeVisible();
  await expect(page.getByText('A password is saved. Leave empty to keep it.')).toBeVisible();

  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByText(`Test email sent to ${ADMIN.email}.`)).toBeVisible();
  expect((await sink.waitForMessage((m) => m.subject === 'Roster test email')).to).toEqual([ADMIN.email]);

  const added = await page.evaluate((p) => window.roster.addPerson(p), BOB);
  expect(added).toMatchObject({ ok: true, value: { delivery: { kind: 'emailSent', to: BOB.email }, person: { status: 'invited' } } });
  const invite = await sink.waitForMessage((m) => m.to.includes(BOB.email));
  expect(invite.subject).toBe("You're invited to Roster");
  const code = codeIn(invite);

  await signOut(page);
  await page.getByRole('button', { name: 'Have an invite code?' }).click();
  await expect(page.getByRole('heading', { name: 'Accept your invite' })).toBeVisible();
  await page.getByLabel('Email').fill(BOB.email);
  await page.getByLabel('Code').fill(code);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Profile menu for Bob Marley' })).toBeVisible();

  // The code was single use.
  await signOut(page);
  await page.getByRole('button', { name: 'Have an invite code?' }).click();
  await page.getByLabel('Email').fill(BOB.email);
  await page.getByLabel('Code').fill(code);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Another-Long-Passphrase-7');
  await page.getByLabel('Confirm new password').fill('Another-Long-Passphrase-7');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByText(/That code is not valid or has expired/)).toBeVisible();
});

test('forgot password: the same answer for any address, one email, and the code signs in with a new password', async ({ page, roster, sink }) => {
  test.slow();
  await createAdmin(page, roster);
  const saved = await page.evaluate((s) => window.roster.saveEmailSettings(s), sink.settings());
  expect(saved.ok).toBe(true);
  await signOut(page);

  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(CODE_SENT)).toBeVisible();

  await page.getByRole('button', { name: 'Send a new code' }).click();
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(CODE_SENT)).toBeVisible();

  const mail = await sink.waitForMessage();
  expect(mail.subject).toBe('Your Roster password reset code');
  expect(sink.messages.map((m) => m.to)).toEqual([[ADMIN.email]]);
  await expect(page.getByLabel('Email')).toHaveValue(ADMIN.email);
  await page.getByLabel('Code').fill(codeIn(mail));
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('button', { name: `Profile menu for ${ADMIN.firstName} ${ADMIN.lastName}` })).toBeVisible();

  await signOut(page);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Profile menu for ${ADMIN.firstName} ${ADMIN.lastName}` })).toBeVisible();
});

test('forgot password without email set up tells the person to contact an administrator', async ({ page, roster }) => {
  await createAdmin(page, roster);
  await signOut(page);
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText('Please contact an administrator to have them reset your password.')).toBeVisible();
});

test('correcting an invited person\'s email: the dialog says a new invite goes out, and shows that it went', async ({ page, roster, sink }) => {
  test.slow();
  await createAdmin(page, roster);
  expect((await page.evaluate((s) => window.roster.saveEmailSettings(s), sink.settings())).ok).toBe(true);
  expect((await page.evaluate((p) => window.roster.addPerson(p), { ...BOB, email: 'bob@typo.test' })).ok).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Actions for Bob Marley' }).click();
  await page.getByRole('menuitem', { name: 'Edit Details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByLabel('Email').fill(BOB.email);
  await expect(dialog).toContainText(`Saving sends a new invite to ${BOB.email}. The invite sent to bob@typo.test stops working.`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  const result = page.getByRole('dialog', { name: 'New invite for Bob Marley' });
  await expect(result).toContainText(`We've sent an invite to ${BOB.email}.`);
  expect((await sink.waitForMessage((m) => m.to.includes(BOB.email))).subject).toBe("You're invited to Roster");
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: /bob@example\.org/ })).toBeVisible();
});

test('security "None" with a login needs the named confirmation before the password is sent unencrypted', async ({ page, roster, sink }) => {
  await createAdmin(page, roster);
  await page.getByRole('tab', { name: 'Email' }).click();
  await fillEmailSettings(page, sink);
  await page.getByRole('combobox', { name: 'Security' }).click();
  await page.getByRole('option', { name: 'None (unencrypted)' }).click();
  const confirm = page.getByLabel(/Send the password without encryption/);
  await expect(confirm).not.toBeChecked();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/the SMTP password would cross the network unencrypted/)).toBeVisible();
  expect(sink.messages).toHaveLength(0);
});
