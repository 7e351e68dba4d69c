// People → Export CSV: the view on screen (tab, search, sort, direction), every row, UTF-8 with a BOM, formula-
// looking cells neutralised, recorded in the log; bad input refused without a trace.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { startTestRoster, type TestRoster } from '../harness.ts';
import { HeldDelivery } from '../held-delivery.ts';
import { addPerson } from '../people/helpers.ts';

const auditCount = (t: TestRoster) => t.roster.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

function parse(bytes: Buffer): string[][] {
  return Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
}

describe('People export', () => {
  it('writes the searched, sorted view of a tab, every row, with a BOM and CRLF line ends', async () => {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const admin = await t.admin();
    for (const name of ['Zoé', 'Yann', 'Xavier', 'Walter']) await addPerson(admin, name, `${name.replace('é', 'e').toLowerCase()}@sample.org`);
    const { person: gone } = await addPerson(admin, 'Wanda', 'wanda@sample.org');
    await admin.ok('deactivatePerson', { id: gone.id });
    expect(await admin.ok('exportPeople', { tab: 'active', query: 'SAMPLE', sort: 'email', direction: 'desc' })).toMatchObject({ kind: 'download' });
    const bytes = await delivery.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = parse(bytes);
    expect(rows[0]).toEqual(['First name', 'Last name', 'Email', 'Role', 'Status', 'Last login (UTC)', 'Created (UTC)']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['zoe@sample.org', 'yann@sample.org', 'xavier@sample.org', 'walter@sample.org']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Zoé', 'Yann', 'Xavier', 'Walter']);
    expect(rows[1]!.slice(3, 6)).toEqual(['user', 'active', '']);
  });

  it('pages through more rows than one batch, in the same order as the list pages', async () => {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const admin = await t.admin();
    const insert = t.roster.db.prepare("INSERT INTO users (first_name, last_name, email, role, created_at, updated_at) VALUES (?, ?, ?, 'user', 0, 0)");
    // Many ties on the sort columns (every seventh person is "Same P"), across batch boundaries.
    t.roster.db.transaction(() => {
      for (let i = 0; i < 2500; i++) insert.run(i % 7 === 0 ? 'P' : `P${i}`, i % 7 === 0 ? 'Same' : `L${(i * 7919) % 2500}`, `p${i}@bulk.org`);
    })();
    await admin.ok('exportPeople', { tab: 'active', query: '', sort: 'name', direction: 'desc' });
    const exported = parse(await delivery.bytes()).slice(1).map((r) => r[2]);
    const listed: string[] = [];
    let page = await admin.ok('listPeople', { tab: 'active', sort: 'name', direction: 'desc', pageSize: 100 });
    for (;;) {
      listed.push(...page.rows.map((p) => p.email));
      if (!page.hasNext) break;
      page = await admin.ok('listPeople', { tab: 'active', sort: 'name', direction: 'desc', pageSize: 100, page: { kind: 'after', cursor: page.endCursor!, pageIndex: page.pageIndex } });
    }
    expect(exported).toHaveLength(2501);
    expect(exported).toEqual(listed);
  });

  it('neutralises cells a spreadsheet would run as a formula and records who exported what', async () => {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    await admin.ok('editPerson', { id: person.id, firstName: '=HYPERLINK("x")', lastName: '+1', email: person.email });
    await admin.ok('exportPeople', { tab: 'active', query: 'grace', sort: 'name', direction: 'asc' });
    const rows = parse(await delivery.bytes());
    expect(rows[1]!.slice(0, 2)).toEqual([`'=HYPERLINK("x")`, `'+1`]);
    const entry = t.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'people_exported'").pluck().get() as string;
    expect(JSON.parse(entry)).toEqual({ tab: 'active', search: 'grace', sort: 'name', direction: 'asc', rows: 1 });
  });

  it.each([
    [{ tab: 'everyone' }, 'tab'],
    [{ tab: 'active', sort: 'password_hash' }, 'sort'],
    [{ tab: 'active', direction: 'up' }, 'direction'],
    [{ tab: 'active', query: 'x'.repeat(201) }, 'query'],
    [{ tab: 'active', query: 'a\u0000b' }, 'query'],
    [{ tab: 'active', pageSize: 25 }, undefined],
  ])('refuses %j as VALIDATION and writes nothing', async (payload, field) => {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const admin = await t.admin();
    const before = auditCount(t);
    const result = await admin.raw('exportPeople', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok && field) expect(result.error.field).toBe(field);
    expect(delivery.held).toHaveLength(0);
    expect(auditCount(t)).toBe(before);
  });
});
