// People → CSV in and out, through the real UI in Chromium: Export CSV writes the filtered, sorted view on screen;
// Import CSV previews a file, lets the admin fix the column mapping, and adds the people on confirmation.
import fs from 'node:fs';
import Papa from 'papaparse';
import { expectNoSeriousViolations } from './helpers/axe.ts';
import { signInAsSeededAdmin } from './helpers/accounts.ts';
import { expect, test, type SeedPerson } from './helpers/seed.ts';

test.describe.configure({ timeout: 120_000 });

const people: SeedPerson[] = [
  { firstName: 'Émile', lastName: 'Zola', email: 'emile@novel.org' },
  { firstName: 'Honoré', lastName: 'Balzac', email: 'honore@novel.org', lastLoginAt: Date.UTC(2025, 2, 1, 9) },
  { firstName: 'Victor', lastName: 'Hugo', email: 'victor@novel.org', role: 'admin' },
  { firstName: '=SUM(A1)', lastName: 'Formula', email: 'formula@novel.org' },
  { firstName: 'George', lastName: 'Sand', email: 'george@novel.org', deactivated: true },
  { firstName: 'Other', lastName: 'Person', email: 'other@elsewhere.org' },
];
test.use({ seed: { people } });


test('the People page with Import and Export is axe-clean', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await expect(page.getByRole('button', { name: 'Import CSV' })).toBeVisible();
  await expectNoSeriousViolations(page, 'People with Import CSV and Export CSV');
});

test('Export CSV downloads the searched, sorted view on screen, UTF-8 with a BOM, formulas neutralised', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await page.getByLabel('Search people').fill('novel');
  await expect(page.getByTestId('people-count')).toHaveText('4 people found');
  await page.getByRole('button', { name: 'Email' }).click(); // sort by email, ascending
  await expect(page.getByRole('table', { name: 'People' }).locator('tbody tr').first()).toContainText('emile@novel.org');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^roster-people-active-.*\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
  expect(rows).toEqual([
    ['First name', 'Last name', 'Email', 'Role', 'Status', 'Last login (UTC)', 'Created (UTC)'],
    ['Émile', 'Zola', 'emile@novel.org', 'user', 'active', '', rows[1]![6]],
    [`'=SUM(A1)`, 'Formula', 'formula@novel.org', 'user', 'active', '', rows[2]![6]],
    ['Honoré', 'Balzac', 'honore@novel.org', 'user', 'active', '2025-03-01T09:00:00.000Z', rows[3]![6]],
    ['Victor', 'Hugo', 'victor@novel.org', 'admin', 'active', '', rows[4]![6]],
  ]);
  for (const row of rows.slice(1)) expect(row[6]).toMatch(/^\d{4}-\d\d-\d\dT/);
});

test('Import CSV: preview, fix the mapping, confirm, download the codes once, and see the people', async ({ page, roster }) => {
  await signInAsSeededAdmin(page, roster);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import people from a CSV file' });
  // "Adresse" is no header Roster knows: the email column has to be chosen by hand.
  const csv = ['Prénom;Nom;Adresse', 'Marie;Curie;marie@science.org', 'Pierre;Curie;pierre@science.org', 'Émile;Zola;emile@novel.org', 'Sans;Adresse;', ''].join('\r\n');
  await dialog.getByTestId('import-file-input').setInputFiles({ name: 'scientists.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  await expect(dialog.getByText('scientists.csv')).toBeVisible();
  await expect(dialog.getByTestId('verdict-counts')).toContainText('Will be added: 0');
  await expect(dialog.getByTestId('verdict-counts')).toContainText('Invalid email: 4');

  await dialog.getByRole('combobox', { name: 'Email' }).click();
  await page.getByRole('option', { name: 'Column 3: Adresse' }).click();
  await expect(dialog.getByTestId('verdict-counts')).toContainText('Will be added: 2');
  await expect(dialog.getByTestId('verdict-counts')).toContainText('Already exists (skipped): 1');
  await expect(dialog.getByTestId('verdict-counts')).toContainText('Invalid email: 1');
  await expectNoSeriousViolations(page, 'Import CSV: columns');

  await dialog.getByRole('button', { name: 'Next', exact: true }).click();
  const rows = dialog.getByRole('table', { name: 'Rows of the file' }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await dialog.getByRole('button', { name: 'Already exists (skipped): 1' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('emile@novel.org');
  await expectNoSeriousViolations(page, 'Import CSV: rows');

  await dialog.getByRole('button', { name: 'Next', exact: true }).click();
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog.getByTestId('import-result')).toContainText('2 people were added; 2 rows skipped.');
  await expectNoSeriousViolations(page, 'Import CSV: result');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download invite codes (once)' }).click();
  const codes = Papa.parse<string[]>(fs.readFileSync(await (await downloading).path(), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(codes.map((r) => r[3])).toEqual(['Email', 'marie@science.org', 'pierre@science.org']);
  expect(codes[1]![4]).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(dialog.getByRole('button', { name: 'Download invite codes (once)' })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Search people').fill('curie');
  const table = page.getByRole('table', { name: 'People' }).locator('tbody tr');
  await expect(table).toHaveCount(2);
  await expect(table.first()).toContainText('Invited');
});
