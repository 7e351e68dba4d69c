// The four Activity methods refuse bad input with a typed error and change nothing; an export goes through the
// transport's delivery, and checks the admin again when the file is actually written.
import { PassThrough } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportOutcome } from '../../../common/activity.ts';
import type { ExportFile, FileDelivery } from '../../../main/core/exports/file-delivery.ts';
import { startTestRoster, type TestRoster } from '../harness.ts';
import { addPerson, addSignedInPerson, makeAdmin } from '../people/helpers.ts';

/** A delivery that keeps the file for the test to write later (as a download link would). */
class HeldDelivery implements FileDelivery {
  held: ExportFile[] = [];
  deliver(file: ExportFile): Promise<ExportOutcome> {
    this.held.push(file);
    return Promise.resolve({ kind: 'download', url: '/download/test', expiresAt: new Date().toISOString() });
  }
  async text(file = this.held[this.held.length - 1]!): Promise<string> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    file.authorise();
    await file.write(out, new AbortController().signal);
    return Buffer.concat(chunks).toString('utf8');
  }
}

const snapshot = (t: TestRoster) => JSON.stringify(t.roster.db.prepare('SELECT id, hash, repeats FROM audit_log ORDER BY id').all());

describe('Activity entry points', () => {
  it.each([
    ['listActivity', { pageSize: 30 }, 'pageSize'],
    ['listActivity', { pageSize: 25, kinds: ['people', 'people'] }, 'kinds'],
    ['listActivity', { pageSize: 25, kinds: ['secrets'] }, 'kinds'],
    ['listActivity', { pageSize: 25, from: 10, to: 5 }, 'from'],
    ['listActivity', { pageSize: 25, from: -1 }, 'from'],
    ['listActivity', { pageSize: 25, personId: 'ada' }, 'personId'],
    ['listActivity', { pageSize: 25, page: { kind: 'after', cursor: '', pageIndex: 0 } }, 'page'],
    ['listActivity', { pageSize: 25, page: { kind: 'after', cursor: 'bm90IGEgY3Vyc29y', pageIndex: 0 } }, 'page'],
    ['listActivity', { pageSize: 25, sql: 'DROP TABLE audit_log' }, undefined],
    ['countActivity', { to: 1.5 }, 'to'],
    ['countActivity', { kinds: 'people' }, 'kinds'],
    ['verifyActivityLog', { recheck: 'yes' }, 'recheck'],
    ['exportActivity', { personId: 0 }, 'personId'],
    ['exportActivity', { pageSize: 25 }, undefined],
  ])('%s refuses %j as VALIDATION and changes nothing', async (method, payload, field) => {
    const t = await startTestRoster({ fileDelivery: new HeldDelivery() });
    const admin = await t.admin();
    const before = snapshot(t);
    const result = await admin.raw(method, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok && field) expect(result.error.field).toBe(field);
    expect(snapshot(t)).toBe(before);
  });

  it('exports the filtered entries as CSV, newest first, in words, with formula-looking names neutralised', async () => {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    await admin.ok('editPerson', { id: person.id, firstName: '=HYPERLINK("x")', lastName: 'Tester', email: person.email });
    await addPerson(admin, 'Other');
    expect(await admin.ok('exportActivity', { personId: person.id })).toMatchObject({ kind: 'download' });
    const rows = Papa.parse<string[]>((await delivery.text()).slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['When (UTC)', 'What happened', 'Changes', 'Kind', 'Action', 'Acting person', 'Acting email', 'Concerned person', 'Concerned email', 'Times', 'Entry', 'Hash']);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['person_edited', 'person_added']);
    expect(rows[1]![1]).toBe(`Ada Lovelace changed =HYPERLINK("x") Tester's first name from Grace to =HYPERLINK("x")`);
    expect(rows[1]![2]).toBe('First name: Grace → =HYPERLINK("x")');
    expect(rows[1]![7]).toBe(`'=HYPERLINK("x") Tester`);
    expect(rows[1]![11]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an export written after its admin lost the role is refused', async () => {
    const delivery = new HeldDelivery();
    const t = await startTestRoster({ fileDelivery: delivery });
    const ada = await t.admin();
    const { person: bea, caller: beaCaller } = await addSignedInPerson(t, ada, 'Bea');
    await makeAdmin(ada, bea);
    await beaCaller.ok('signIn', { email: bea.email, password: 'umbrella tangerine voyage' });
    await beaCaller.ok('exportActivity', {});
    await ada.ok('setRole', { id: bea.id, role: 'user', expectedRole: 'admin' });
    await expect(delivery.text()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('without a delivery (no desktop dialog, no browser), export says it is not supported', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    expect(await admin.call('exportActivity', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });
});
