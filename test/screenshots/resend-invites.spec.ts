// README screenshots of Resend invites in bulk: the confirmation, and the result with the emails counted.
import { SmtpSink } from '../fixtures/smtp-sink.ts';
import { signInAsSeededAdmin } from '../e2e/helpers/accounts.ts';
import { expect, test, type SeedPerson } from '../e2e/helpers/seed.ts';
import { shot } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

const FIRST = ['Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Radia'];
const people: SeedPerson[] = FIRST.map((first, i) => ({
  firstName: first,
  lastName: 'Newhire',
  email: `${first.toLowerCase()}.newhire@example.com`,
  // Two of them accepted already: the resend leaves them alone and says so.
  invited: i % 4 !== 3,
}));
test.use({ seed: { people } });

test('Resend invites: confirmation and result', async ({ page, roster }) => {
  const sink = await SmtpSink.start();
  try {
    await signInAsSeededAdmin(page, roster);
    expect((await page.evaluate((s) => window.roster.saveEmailSettings(s), sink.settings())).ok).toBe(true);
    await page.getByLabel('Search people').fill('newhire');
    await expect(page.getByTestId('people-count')).toHaveText('8 people found');
    await page.getByRole('checkbox', { name: 'Select everyone on this page' }).check();
    await page.getByRole('region', { name: 'Selected people' }).getByRole('button', { name: 'Resend invites' }).click();
    const confirm = page.getByRole('dialog', { name: 'Resend invites to 8 people?' });
    await expect(confirm).toContainText('and 3 others');
    await page.mouse.move(0, 0);
    await shot(page, 'people-resend-confirm');
    await confirm.getByRole('button', { name: 'Resend invites' }).click();
    const result = page.getByRole('dialog', { name: 'New invites' });
    await expect(result.getByRole('status')).toHaveText('6 of 6 invite emails sent.');
    await shot(page, 'people-resend-result');
  } finally {
    await sink.stop();
  }
});
