// `npm run bench:ui -- --users N`: the People and Activity pages as the admin sees them. Chromium (through Playwright) drives the
// real UI in browser mode on the server bench's generated data, and each action is timed inside the page from its
// input event to the DOM showing the answer, beside the bridge call's own time (the floor). Writes bench/results/.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { AUDIT_HEAD_FILE } from '../../main/core/audit/audit-head-file.ts';
import { DATABASE_FILE } from '../../main/core/data-dir.ts';
import { chromiumLaunchOptions } from '../../test/e2e/browser.ts';
import { ensureAuditData } from './audit-generator.ts';
import { openApp, startBrowserMode, stop } from './browser-mode.ts';
import { printTable, verdict } from './measure.ts';
import { BENCH_ADMIN, ensurePeopleData } from './people-database.ts';
import { searchTerms } from './search-terms.ts';
import { activity } from './ui-activity.ts';
import { paging, roleChange, rowMenu, rowsPerPage, search, sorting, START_VIEW, tabs, typing } from './ui-actions.ts';
import { writeResults } from './results-file.ts';
import { installProbe } from './ui-probe.ts';
import { UiSession } from './ui-session.ts';

/** The word typed key by key, and how fast: ~12 keys a second, a quick typist. */
const TYPED_WORD = 'Kowalski';
const KEY_DELAY_MS = 80;
const PHASES = ['page', 'sort', 'tab', 'size', 'search', 'typing', 'row', 'activity'] as const;
type Phase = (typeof PHASES)[number];

export async function main(argv: string[], root: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '7' },
      // While working on one part: --only page,search (the table then shows only those rows).
      only: { type: 'string', default: PHASES.join(',') },
    },
  });
  const only = new Set(values.only.split(','));
  const unknown = [...only].filter((p) => !PHASES.includes(p as Phase));
  if (unknown.length) throw new Error(`--only takes ${PHASES.join(', ')}; not ${unknown.join(', ')}`);
  const wanted = (phase: Phase) => only.has(phase);
  const users = Number(values.users);
  const seed = Number(values.seed);
  const runs = Math.max(5, Number(values.runs));
  if (!Number.isInteger(users) || users < 1000) throw new Error('--users must be a whole number ≥ 1000 (100000, 1000000)');
  if (!fs.existsSync(path.join(root, 'dist/main/web.mjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm run bench:ui does).');
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const dataDir = path.join(root, 'bench', 'data', `people-${users}-seed-${seed}`);
  log(`bench:ui: ${users.toLocaleString('en')} people (seed ${seed}) in ${path.relative(root, dataDir)}`);
  await ensurePeopleData({ dataDir, users, seed, log });
  await ensureAuditData({ dataDir, entries: 2 * users, seed, log }); // the same log as `npm run bench`'s
  // Work on a copy: the bench signs in and changes roles, and the generated data must stay as generated.
  const work = path.join(root, 'bench', 'data', `ui-run-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  for (const file of [DATABASE_FILE, AUDIT_HEAD_FILE]) fs.copyFileSync(path.join(dataDir, file), path.join(work, file));
  const db = new Database(path.join(work, DATABASE_FILE), { readonly: true });
  const terms = searchTerms(db);
  db.close();

  const server = await startBrowserMode(root, work);
  const browser = await chromium.launch(chromiumLaunchOptions);
  let session: UiSession | null = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await openApp(page, server);
    await page.getByLabel('Email').fill(BENCH_ADMIN.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(BENCH_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'People' }).locator('tbody tr').first().waitFor();
    await page.evaluate(installProbe);
    session = new UiSession(page, runs);
    await session.settled();

    const view = START_VIEW;
    const phase = async (name: Phase, run: (s: UiSession) => Promise<unknown>) => {
      if (!wanted(name)) return;
      log(`bench:ui: ${name}`);
      await run(session!);
    };
    await phase('page', (s) => paging(s, view));
    await phase('sort', (s) => sorting(s, view));
    await phase('tab', (s) => tabs(s, view));
    await phase('size', (s) => rowsPerPage(s, view));
    await phase('search', async (s) => {
      for (const t of terms) await search(s, view, t.label, t.term, t.uiTarget);
    });
    await phase('typing', (s) => typing(s, view, TYPED_WORD, KEY_DELAY_MS));
    await phase('row', async (s) => {
      await rowMenu(s, view);
      await roleChange(s, view);
    });
    await phase('activity', activity);
  } finally {
    await browser.close();
    await stop(server.child);
    fs.rmSync(work, { recursive: true, force: true });
  }

  printTable(session.rows, (s) => process.stdout.write(`${s}\n`), { floorHeader: 'API (median)' });
  const failed = session.rows.filter((r) => verdict(r) === 'FAIL').length;
  // A partial run (--only) is for working on one part; only a whole run is a result.
  const saved = only.size === PHASES.length ? `Results: ${path.relative(root, saveResults(root, users, seed, session))}` : 'Partial run (--only): no results file.';
  process.stdout.write(`\n${failed ? `${failed} target(s) missed` : 'every target met'}. ${saved}\n`);
}

function saveResults(root: string, users: number, seed: number, session: UiSession): string {
  return writeResults(
    root,
    `ui-${users}`,
    {
      users,
      seed,
      typing: { word: TYPED_WORD, keyDelayMs: KEY_DELAY_MS },
      rows: session.rows,
      // Each run's figures and bridge calls; a typing trace keeps only when the rows changed.
      runs: session.raw.map((a) => ({ ...a, runs: a.runs.map((m) => ({ ...m, trace: m.trace.map((t) => t.at) })) })),
    },
    { chromium: chromiumLaunchOptions.executablePath ?? "Playwright's" },
  );
}
