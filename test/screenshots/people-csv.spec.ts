// README screenshots of Import CSV (docs/screenshots/import-csv-*.png).
import { expect, test, type SeedPerson } from '../e2e/helpers/seed.ts';
import { shot } from './screenshots.ts';

test.describe.configure({ timeout: 120_000 });

const people: SeedPerson[] = [
  { firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@example.com', role: 'admin' },
  { firstName: 'Alan', lastName: 'Turing', email: 'alan.turing@example.com' },
];
test.use({ seed: { people } });

const CSV = [
  'Given name;Surname;E-mail;Role',
  'Katherine;Johnson;katherine.johnson@example.com;',
  'Margaret;Hamilton;margaret.hamilton@example.com;',
  'Dennis;Ritchie;dennis.ritchie@example.com;user',
  'Barbara;Liskov;barbara.liskov@example.com;Admin',
  'Alan;Turing;alan.turing@example.com;',
  'Radia;Perlman;radia.perlman@;',
  'Ken;;ken.thompson@example.com;',
  'Margaret;Hamilton;MARGARET.HAMILTON@example.com;',
  'Tim;Berners-Lee;tim.bl@example.com;owner',
  '',
].join('\r\n');

test('screenshots of Import CSV: columns, rows and the result', async ({ page, roster }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await roster.open(page);
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Plum-Orbit-Lantern-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import people from a CSV file' });
  await dialog.getByTestId('import-file-input').setInputFiles({ name: 'new-starters.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(dialog.getByTestId('verdict-counts')).toContainText('Will be added: 4');
  await shot(page, 'import-csv-columns');
  await dialog.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(dialog.getByRole('table', { name: 'Rows of the file' }).locator('tbody tr')).toHaveCount(9);
  await shot(page, 'import-csv-rows');
  await dialog.getByRole('button', { name: 'Next', exact: true }).click();
  await dialog.getByRole('button', { name: 'Import 4 people' }).click();
  await expect(dialog.getByTestId('import-result')).toBeVisible();
  await shot(page, 'import-csv-result');
});
