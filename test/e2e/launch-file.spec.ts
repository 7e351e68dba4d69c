// Browser mode opens the admin's browser with a redirect file, not the link: the link then never appears on a
// command line (ps shows every process's arguments to every local user). Here: the file does reach Roster.
import fs from 'node:fs';
import { writeRedirectFile } from '../../main/web/open-browser.ts';
import { expect, test } from './roster-app.ts';

test('the file the browser is opened with (so the link never appears in ps) takes it to Roster', async ({ page, roster }) => {
  const file = writeRedirectFile(roster.dataDir, await roster.newLink());
  if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  await page.goto(`file://${file}`);
  await expect(page.getByRole('heading', { name: 'Create your admin account' })).toBeVisible();
  expect(page.url()).toBe(`${roster.origin}/`);
});
