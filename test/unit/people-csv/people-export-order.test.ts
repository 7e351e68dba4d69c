// A long People export reads the view's order from the sort's index (key columns only) and has the people looked up
// and written on worker threads: for every sort, direction, search and filter the file must list exactly the people
// the list pages show, in their order, and the workers' file must be byte for byte the one made on main.
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../common/contract.ts';
import { csvOnWorkers } from '../../../main/core/exports/csv-on-workers.ts';
import { openReader, type Db } from '../../../main/core/db/open-database.ts';
import { peopleCsvBatch } from '../../../main/core/people-csv/people-csv-rows.ts';
import { startTestRoster, type TestRoster } from '../harness.ts';
import { HeldDelivery } from '../held-delivery.ts';

const PEOPLE = 2_500; // 25 batches of 100: past the 20 an export makes on main

/** People with ties on every sort column (names, roles, last logins, never signed in), some invited, a few deactivated. */
async function crowd(): Promise<{ t: TestRoster; delivery: HeldDelivery; admin: Admin }> {
  const delivery = new HeldDelivery();
  const t = await startTestRoster({ fileDelivery: delivery });
  const admin = await t.admin();
  const insert = t.roster.db.prepare(
    'INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, created_at, updated_at, last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  t.roster.db.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) {
      const first = i % 5 === 0 ? 'Ana' : `Ö${(i * 31) % 97}`;
      const last = i % 3 === 0 ? 'Same' : `=L${(i * 7919) % 400}`;
      const lastLogin = i % 4 === 0 ? null : 1_700_000_000_000 + (i % 50) * 86_400_000;
      insert.run(first, last, `p${i}@crowd.org`, i % 11 === 0 ? 'admin' : 'user', i % 13 === 0 ? 0 : 1, i % 6 === 0 ? null : 'x', i, i, lastLogin);
    }
  })();
  return { t, delivery, admin };
}

type View = MethodInput<'exportPeople'>;
type Admin = Awaited<ReturnType<TestRoster['admin']>>;

async function listed(admin: Admin, view: View): Promise<string[]> {
  const emails: string[] = [];
  const input = { ...view, pageSize: 100 as const };
  let page = await admin.ok('listPeople', input);
  for (;;) {
    emails.push(...page.rows.map((p) => p.email));
    if (!page.hasNext) return emails;
    page = await admin.ok('listPeople', { ...input, page: { kind: 'after', cursor: page.endCursor!, pageIndex: page.pageIndex } });
  }
}

async function exported(admin: Admin, delivery: HeldDelivery, view: View): Promise<string[]> {
  await admin.ok('exportPeople', view);
  const text = (await delivery.bytes()).subarray(3).toString('utf8');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1).map((r) => r[2] ?? '');
}

const VIEWS: View[] = [
  ...(['name', 'email', 'role', 'lastLogin'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).map((direction): View => ({ tab: 'active', query: '', sort, direction })),
  ),
  { tab: 'deactivated', query: '', sort: 'name', direction: 'asc' },
  { tab: 'active', query: 'same', sort: 'lastLogin', direction: 'desc' },
  { tab: 'active', query: '1@crowd', sort: 'role', direction: 'asc' },
  { tab: 'active', query: '', sort: 'name', direction: 'asc', filter: { kind: 'neverSignedIn' } },
  { tab: 'active', query: '', sort: 'lastLogin', direction: 'asc', filter: { kind: 'admins' } },
];

describe('a long People export', () => {
  it.each(VIEWS.map((v) => [JSON.stringify(v), v]))('%s: the file lists what the pages list, in their order', async (_, view) => {
    const { t, delivery, admin } = await crowd();
    expect(t.roster.db.memory).toBe(false); // a file: the workers' path is the one taken
    const pages = await listed(admin, view);
    expect(pages.length).toBeGreaterThan(0);
    expect(await exported(admin, delivery, view)).toEqual(pages);
  });

  it("the workers' file is byte for byte the one made on main", async () => {
    const { t } = await crowd();
    const { db } = t.roster;
    const ids = db.prepare('SELECT id FROM users ORDER BY email DESC').pluck().all() as number[];
    const here = await made(db, ids, { workers: 0 });
    const onWorkers = await made(db, ids, { workers: 2 });
    expect(here.rows).toBe(ids.length);
    expect(here.text).toContain("'=L"); // formula-looking names neutralised
    expect([here.onWorkers, onWorkers.onWorkers]).toEqual([false, true]);
    expect(onWorkers.text).toBe(here.text);
  });

  it("is one snapshot: a change made after the reader's snapshot, before the workers start, is not in the file", async () => {
    const { t, admin } = await crowd();
    const { db } = t.roster;
    const ids = db.prepare('SELECT id FROM users WHERE is_active = 1 ORDER BY id').pluck().all() as number[];
    const renamed = ids[ids.length - 1]!;
    const reader = openReader(path.join(t.dataDir, 'roster.db'));
    try {
      reader.exec('BEGIN');
      const snapshot = { sql: 'SELECT MAX(id) FROM audit_log', mark: reader.prepare('SELECT MAX(id) FROM audit_log').raw().get() };
      const before = await made(reader, ids, { workers: 0 });
      const person = db.prepare<[number], { email: string }>('SELECT email FROM users WHERE id = ?').get(renamed)!;
      await admin.ok('editPerson', { id: renamed, firstName: 'Renamed', lastName: 'Meanwhile', email: person.email });
      const file = await made(db, ids, { workers: 2, snapshot, local: reader });
      expect(file.text).not.toContain('Renamed');
      expect(file.text).toBe(before.text);
      // Without a write in between, the workers hold the reader's snapshot and make the file.
      const fresh = { sql: snapshot.sql, mark: db.prepare(snapshot.sql).raw().get() };
      const now = await made(db, ids, { workers: 2, snapshot: fresh });
      expect(now.onWorkers).toBe(true);
      expect(now.text).toContain('Renamed');
    } finally {
      reader.close();
    }
  });
});

/** The file of these people made by csvOnWorkers, and whether workers made it (their chunks come as bytes). */
async function made(db: Db, ids: number[], o: { workers: number; snapshot?: { sql: string; mark: unknown }; local?: Db }) {
  const batches = (function* () {
    for (let i = 0; i < ids.length; i += 100) yield ids.slice(i, i + 100);
  })();
  const parts: Buffer[] = [];
  let rows = 0;
  let onWorkers = false;
  const local = o.local ?? db;
  const options = { worker: 'people-export-worker' as const, local: (batch: number[]) => peopleCsvBatch(local, batch), workers: o.workers, onRows: (n: number) => (rows += n) };
  for await (const chunk of csvOnWorkers(db, batches, o.snapshot ? { ...options, snapshot: o.snapshot } : options)) {
    onWorkers ||= chunk instanceof Uint8Array;
    parts.push(Buffer.from(chunk));
  }
  return { text: Buffer.concat(parts).toString('utf8'), rows, onWorkers };
}
