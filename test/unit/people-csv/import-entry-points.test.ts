// Each Import CSV method refuses bad input with a typed error and writes nothing; a file Roster cannot read is
// refused with its reason; an import whose admin lost the role adds no one; main's writes wait their turn clearly.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/core/data-dir.ts';
import { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { startTestRoster, tempDir, type TestRoster } from '../harness.ts';
import { HeldDelivery } from '../held-delivery.ts';
import { untilImport, waitingFile } from './import-helpers.ts';
import { addSignedInPerson, makeAdmin } from '../people/helpers.ts';

async function setUp() {
  const dataDir = tempDir();
  const files = new ImportFiles(dataDir);
  const t = await startTestRoster({ dataDir, importFiles: files, fileDelivery: new HeldDelivery() });
  const admin = await t.admin();
  const waiting = (text: string | Buffer) => waitingFile(files, text);
  return { t, admin, waiting };
}

/** Everything an import could touch. */
const snapshot = (t: TestRoster) =>
  JSON.stringify([
    t.roster.db.prepare('SELECT * FROM users ORDER BY id').all(),
    t.roster.db.prepare('SELECT id, user_id, purpose FROM one_time_codes ORDER BY id').all(),
    t.roster.db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all(),
  ]);


const GOOD = 'First name,Last name,Email\nAda,Byron,ada.b@example.org\nBob,Smith,bob@example.org\n';
const ID = 'abcdefghijklmnopqrstuv';

describe('Import CSV entry points', () => {
  it.each([
    ['previewImport', { importId: 'short' }, 'importId'],
    ['previewImport', { importId: '../../etc/passwd/aaaaaaaaaa' }, 'importId'],
    ['previewImport', { importId: ID, mapping: { firstName: 0, lastName: 0, email: 1, role: null } }, 'mapping'],
    ['previewImport', { importId: ID, mapping: { firstName: -1, lastName: 1, email: 2, role: null } }, 'mapping'],
    ['previewImport', { importId: ID, mapping: { firstName: 0, lastName: 1, email: 2 } }, 'mapping'],
    ['previewImport', { importId: ID, mapping: { firstName: 0, lastName: 1, email: 2, role: null, password: 3 } }, 'mapping'],
    ['importRows', { importId: ID, offset: 0, limit: 201 }, 'limit'],
    ['importRows', { importId: ID, offset: -1, limit: 10 }, 'offset'],
    ['importRows', { importId: ID, offset: 0, limit: 10, verdict: 'maybe' }, 'verdict'],
    ['confirmImport', { importId: ID, force: true }, undefined],
    ['confirmImport', {}, 'importId'],
    ['importStatus', { importId: 42 }, 'importId'],
    ['retryImportInvites', { importId: null }, 'importId'],
    ['importFallbackPassword', { importId: ID, personId: 0 }, 'personId'],
    ['importReport', { importId: ID, path: '/tmp/x' }, undefined],
    ['importCodes', { importId: '' }, 'importId'],
    ['closeImport', { importId: ID.repeat(4) }, 'importId'],
    ['chooseImportFile', { path: '/etc/passwd' }, undefined],
  ])('%s refuses %j as VALIDATION and writes nothing', async (method, payload, field) => {
    const { t, admin } = await setUp();
    const before = snapshot(t);
    const result = await admin.raw(method, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok && field) expect(result.error.field).toBe(field);
    expect(snapshot(t)).toBe(before);
  });

  it('an unknown or spent import id is NOT_FOUND; the file picker is NOT_SUPPORTED without one', async () => {
    const { admin, waiting } = await setUp();
    expect(await admin.call('previewImport', { importId: ID })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin.call('importStatus', { importId: ID })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin.call('chooseImportFile', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    const importId = waiting(GOOD);
    await admin.ok('previewImport', { importId });
    await admin.ok('closeImport', { importId });
    expect(await admin.call('previewImport', { importId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each([
    ['UTF-16', Buffer.from('\uFEFFFirst name,Last name,Email\n', 'utf16le'), /UTF-16/],
    ['Latin-1', Buffer.concat([Buffer.from('First name,Last name,Email\nZo'), Buffer.from([0xeb]), Buffer.from(',L,z@x.org\n')]), /line 2/],
    ['unterminated quotes', Buffer.from('First name,Last name,Email\n"Ada,B,a@x.org\n'), /^Line 2/],
  ])('a %s file is refused with its reason, and nothing is written', async (_, content, message) => {
    const { t, admin, waiting } = await setUp();
    const before = snapshot(t);
    const result = await admin.call('previewImport', { importId: waiting(content) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file', message: expect.stringMatching(message) } });
    expect(snapshot(t)).toBe(before);
  });

  it('a mapping naming a column the file does not have is refused; confirming with nothing to add is refused', async () => {
    const { t, admin, waiting } = await setUp();
    const importId = waiting('Email\nnot-an-email\n');
    await admin.ok('previewImport', { importId });
    expect(await admin.call('previewImport', { importId, mapping: { firstName: 3, lastName: null, email: 0, role: null } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'mapping' } });
    const before = snapshot(t);
    expect(await admin.call('confirmImport', { importId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshot(t)).toBe(before);
  });

  it('an import whose admin lost the role before its transaction began adds no one', async () => {
    const { t, admin, waiting } = await setUp();
    const { person: bea, caller: beaCaller } = await addSignedInPerson(t, admin, 'Bea');
    await makeAdmin(admin, bea);
    await beaCaller.ok('signIn', { email: bea.email, password: 'umbrella tangerine voyage' });
    const importId = waiting(GOOD);
    await beaCaller.ok('previewImport', { importId });
    // Another connection holds the write lock, so the worker's transaction waits to begin; Bea is demoted meanwhile.
    const other = new Database(path.join(t.dataDir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    expect((await beaCaller.ok('confirmImport', { importId })).phase).toBe('writing');
    other.prepare("UPDATE users SET role = 'user' WHERE id = ?").run(bea.id);
    other.exec('COMMIT');
    other.close();
    const before = snapshot(t);
    const s = await untilImport(admin, importId, (x) => x.phase !== 'writing');
    expect(s).toMatchObject({ phase: 'failed', error: 'Only admins can do that.' });
    expect(snapshot(t)).toBe(before);
  });

  it('while an import is being written, other changes are refused at once with BUSY (reads go on), then work again', async () => {
    const { t, admin, waiting } = await setUp();
    const importId = waiting(GOOD);
    await admin.ok('previewImport', { importId });
    const other = new Database(path.join(t.dataDir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE'); // keeps the import's transaction from finishing while we look
    await admin.ok('confirmImport', { importId });
    const refused = await admin.call('addPerson', { firstName: 'Cy', lastName: 'Young', email: 'cy@example.org' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringMatching(/^Roster is saving an import/) } });
    expect((await admin.ok('tabCounts', {})).active).toBe(1);
    other.exec('ROLLBACK');
    other.close();
    expect(await untilImport(admin, importId, (x) => x.phase !== 'writing')).toMatchObject({ phase: 'done', added: 2 });
    await admin.ok('addPerson', { firstName: 'Cy', lastName: 'Young', email: 'cy@example.org' });
    expect((await admin.ok('tabCounts', {})).active).toBe(4);
  });
});
