// The People page at 100,000 accounts, through the real UI: the first page, search results and the counts are the
// ones plain SQL over the same file gives. How fast they appear is measured by the benches (`npm run bench` and the
// UI bench), not here: a timed test measures whatever else the machine is doing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { PAGE_SIZES } from '../../common/rules.ts';
import { DATABASE_FILE } from '../../main/core/data-dir.ts';
import { BENCH_ADMIN, ensurePeopleData } from '../../scripts/bench/people-database.ts';
import { expect, startRoster, stopRoster, test, type RosterApp } from './roster-app.ts';

const PEOPLE = 100_000;
const PAGE_SIZE = PAGE_SIZES[0];
/** A rare surname, a common email domain and a common surname: each takes its own search strategy. */
const TERMS = ['Kowalski', 'northwind', 'Smith'];

interface Expected {
  count: number;
  firstPage: string[];
}

let dataDir: string;
let app: RosterApp | undefined;
let active: Expected;
const searches = new Map<string, Expected>();

/** What the People list must show, straight from the file: active people sorted by name, optionally searched. */
function fromSql(file: string, term: string | null): Expected {
  const db = new Database(file, { readonly: true });
  try {
    const where = term === null ? 'is_active = 1' : 'is_active = 1 AND (first_name LIKE @like OR last_name LIKE @like OR email LIKE @like)';
    const params = term === null ? {} : { like: `%${term}%` };
    return {
      count: db.prepare(`SELECT COUNT(*) FROM users NOT INDEXED WHERE ${where}`).pluck().get(params) as number,
      firstPage: db
        .prepare(`SELECT email FROM users NOT INDEXED WHERE ${where} ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT ${PAGE_SIZE}`)
        .pluck()
        .all(params) as string[],
    };
  } finally {
    db.close();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Generated straight into the SQLite file (bulk insert, then indexes) with the bench's own generator.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-scale-e2e-'));
  await ensurePeopleData({ dataDir, users: PEOPLE, seed: 1 });
  const file = path.join(dataDir, DATABASE_FILE);
  active = fromSql(file, null);
  for (const term of TERMS) searches.set(term, fromSql(file, term));
  app = await startRoster(dataDir);
});

test.afterAll(async () => {
  if (app) await stopRoster(app);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const emailsOnPage = (page: Page) => page.getByRole('table', { name: 'People' }).locator('tbody tr td:nth-child(3)').allInnerTexts();

test('at 100,000 people the first page, search results and counts are right', async ({ page }) => {
  test.setTimeout(120_000); // a cost-12 sign-in and four lists over 100,000 rows, beside other suites on a shared machine
  // The data is what the test says it is: a big list, and terms that match pages' worth of people, or a few.
  expect(active.count).toBeGreaterThan(PEOPLE * 0.8);
  for (const [term, expected] of searches) expect(expected.count, term).toBeGreaterThan(PAGE_SIZE);

  await app!.open(page);
  await page.getByLabel('Email').fill(BENCH_ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(BENCH_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();

  await expect(page.getByRole('tab', { name: `Active (${active.count})` })).toBeVisible();
  await expect(page.getByTestId('people-count')).toHaveText(`${active.count} people found`);
  await expect.poll(() => emailsOnPage(page), 'the first page, sorted by name').toEqual(active.firstPage);

  for (const [term, expected] of searches) {
    await page.getByLabel('Search people').fill(term);
    await expect(page.getByTestId('people-count'), term).toHaveText(`${expected.count} people found`);
    await expect.poll(() => emailsOnPage(page), `the first page of "${term}"`).toEqual(expected.firstPage);
  }
});
