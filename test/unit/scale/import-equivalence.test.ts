// After an Import CSV, which writes its people a thousand per statement on the worker's own connection, the People
// list still answers exactly as the plain oracle does: search (through every strategy, so the trigram index the
// import fed in bulk), filters, tab counts; and every added person has their code and their audit entry.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MENU_FILTERS } from '../../../common/people-filter.ts';
import { SEARCH_LIMITS, type SearchLimits } from '../../../main/core/db/people-search.ts';
import { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { HeldDelivery } from '../held-delivery.ts';
import { generatePeople, prng } from '../../../scripts/bench/people-generator.ts';
import { startTestRoster, tempDir } from '../harness.ts';
import { untilImport, waitingFile } from '../people-csv/import-helpers.ts';
import { addPerson } from '../people/helpers.ts';
import { assertListMatchesOracle } from './naive-people.ts';
import { fillTrickyPeople } from './tricky-people.ts';

/** More than two of the import's statements' worth, so its chunk edges are crossed. */
const ROWS = 2600;
const ODD = ['50% Off', 'a_b', 'back\\slash', 'Quote "Q"', "O'Neil", 'ÄRGER', 'ärger', 'Straße', 'İnce', 'Li', 'e'];

/** A Roster with tricky people, then an import of ROWS more (each test builds its own: the harness closes it after). */
async function imported() {
  const dataDir = tempDir();
  const files = new ImportFiles(dataDir);
  const delivery = new HeldDelivery();
  const t = await startTestRoster({ dataDir, importFiles: files, fileDelivery: delivery });
  const admin = await t.admin();
  fillTrickyPeople(t.roster.db, 1500, 3);
  const existing = t.roster.db.prepare('SELECT email FROM users ORDER BY id LIMIT 40').pluck().all() as string[];
  const rand = prng(17);
  const rows: string[][] = [];
  let i = 0;
  for (const p of generatePeople(ROWS, 23)) {
    const first = rand() < 0.1 ? ODD[Math.floor(rand() * ODD.length)]! : p.first_name;
    const last = rand() < 0.1 ? ODD[Math.floor(rand() * ODD.length)]! : p.last_name;
    // Some addresses already in Roster ("already exists"), in capitals now and then: stored lowercased.
    const email = i % 97 === 0 ? existing[(i / 97) % existing.length]! : `imp${i}.${p.email}`;
    rows.push([first, last, rand() < 0.1 ? email.toUpperCase() : email, rand() < 0.05 ? 'Admin' : '']);
    i++;
  }
  const addedMeanwhile = rows[1500]![2]!.toLowerCase();
  const importId = waitingFile(files, Papa.unparse({ fields: ['First name', 'Last name', 'Email', 'Role'], data: rows }));
  const preview = await admin.ok('previewImport', { importId });
  expect(preview.counts.add).toBe(ROWS - Math.ceil(ROWS / 97));
  // Added by hand between the preview and the confirmation: the import's statement skips that one row alone.
  await addPerson(admin, 'Meanwhile', addedMeanwhile);
  const before = t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
  await admin.ok('confirmImport', { importId });
  const status = await untilImport(admin, importId, (s) => s.phase !== 'writing');
  return { t, admin, status, before, addedMeanwhile, importId, delivery, rows };
}

const LIMITS: SearchLimits[] = [
  SEARCH_LIMITS,
  { ftsCandidates: 1_000_000, walkBudget: 1, ftsFallback: 0, ftsCount: 1_000_000, filterCandidates: 0 },
  { ftsCandidates: 0, walkBudget: 40, ftsFallback: 1_000_000, ftsCount: 0, filterCandidates: 0 },
  { ...SEARCH_LIMITS, filterCandidates: 1_000_000 },
  { ftsCandidates: 0, walkBudget: 5_000, ftsFallback: 0, ftsCount: 0, filterCandidates: 0 },
];

describe('People after an import', () => {
  it('adds every new row but the one added meanwhile, each with one live invite code and one audit entry', async () => {
    const { t, status, before, addedMeanwhile } = await imported();
    const db = t.roster.db;
    const added = ROWS - Math.ceil(ROWS / 97) - 1;
    expect(status).toMatchObject({ phase: 'done', added });
    expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(before + added);
    expect(db.prepare('SELECT COUNT(*) FROM users WHERE email = ?').pluck().get(addedMeanwhile)).toBe(1);
    const importedIds = db.prepare("SELECT target_id FROM audit_log WHERE action = 'person_added' AND json_extract(details, '$.via') = 'import'").pluck().all() as number[];
    expect(new Set(importedIds).size).toBe(added);
    const coded = db.prepare("SELECT COUNT(DISTINCT user_id) FROM one_time_codes WHERE purpose = 'invite' AND user_id IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(importedIds));
    expect(coded).toBe(added);
    expect(db.prepare("SELECT COUNT(*) FROM users WHERE id IN (SELECT value FROM json_each(?)) AND password_hash IS NULL AND email = lower(email)").pluck().get(JSON.stringify(importedIds))).toBe(added);
  });

  it('reports every row with its outcome, the one added meanwhile and the ones already there as skipped', async () => {
    const { admin, importId, delivery, rows, addedMeanwhile } = await imported();
    await admin.ok('importReport', { importId });
    const report = Papa.parse<string[]>((await delivery.bytes()).subarray(3).toString('utf8'), { skipEmptyLines: true }).data.slice(1);
    expect(report.map((r) => r[1])).toEqual(rows.map((r) => r[2]));
    const outcomes = report.map((r) => r[2]);
    rows.forEach((row, i) => {
      const email = row[2]!.toLowerCase();
      // An address already there is skipped as such, or as invalid (a few of the tricky people's are odd on purpose).
      const expected = email === addedMeanwhile ? 'Skipped: someone with this email was added to Roster meanwhile' : i % 97 === 0 ? 'Skipped: ' : 'Added; invite code in the codes file';
      expect(outcomes[i]?.startsWith(expected), `line ${i + 2}: ${outcomes[i]}`).toBe(true);
    });
  });

  it('keeps the tab counts, the search index and the audit chain exact', async () => {
    const { t, admin } = await imported();
    const db = t.roster.db;
    const counts = db.prepare('SELECT is_active, people FROM user_tab_counts ORDER BY is_active').raw().all();
    expect(counts).toEqual(db.prepare('SELECT v, (SELECT COUNT(*) FROM users WHERE is_active = v) FROM (SELECT 0 AS v UNION ALL SELECT 1) ORDER BY v').raw().all());
    // FTS5's own check: the index holds exactly the trigrams of the users table's rows.
    expect(() => db.exec("INSERT INTO users_fts (users_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(await admin.ok('verifyActivityLog', { recheck: true })).toMatchObject({ ok: true, brokenAt: null });
  });

  it('searches and filters as the oracle does, for every strategy, sort, tab and page move', async () => {
    const { t } = await imported();
    const db = t.roster.db;
    const names = (db.prepare('SELECT first_name, last_name, email FROM users').raw().all() as string[][]).flat();
    const query = fc.oneof(
      fc.constant(''),
      fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })).map(([i, start, len]) => {
        const s = names[i % names.length]!;
        return Array.from(s).slice(start % s.length, (start % s.length) + len).join('');
      }),
    );
    assertListMatchesOracle(db, { filter: fc.option(fc.constantFrom(...MENU_FILTERS), { nil: null }), query, limits: LIMITS, now: t.clock.now(), jumps: 12, numRuns: 300 });
  });
});
