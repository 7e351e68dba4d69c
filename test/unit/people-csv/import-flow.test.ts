// Import CSV through the dispatcher, as the dialog drives it: a file waiting by id, the preview's verdicts, a
// corrected mapping, confirmation, and the people added in one transaction with their invite codes handed out once.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../../main/core/auth/login-throttle.ts';
import { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { startTestRoster, tempDir } from '../harness.ts';
import { HeldDelivery } from '../held-delivery.ts';
import { untilImport, waitingFile } from './import-helpers.ts';
import { addPerson } from '../people/helpers.ts';

async function setUp() {
  const dataDir = tempDir();
  const files = new ImportFiles(dataDir);
  const delivery = new HeldDelivery();
  const t = await startTestRoster({ dataDir, importFiles: files, fileDelivery: delivery });
  const admin = await t.admin();
  const waiting = (text: string | Buffer) => waitingFile(files, text);
  return { t, admin, files, delivery, waiting };
}


const FILE = [
  'Given name;Surname;E-mail;Role',
  'Ada;Byron;ada.byron@example.org;',
  'Grace;Hopper;grace@example.org;Admin',
  ';Nameless;nameless@example.org;user',
  'Bad;Email;not-an-email;user',
  'Dup;Licate;GRACE@example.org;user',
  'Known;Person;known@example.org;user',
  'Role;Unknown;role@example.org;owner',
  `${'x'.repeat(101)};Long;long@example.org;user`,
  '',
].join('\r\n');

describe('Import CSV', () => {
  it('previews every row with its verdict, then adds the valid ones with invite codes shown once', async () => {
    const { t, admin, delivery, waiting } = await setUp();
    await addPerson(admin, 'Known', 'known@example.org');
    const importId = waiting(FILE);
    const preview = await admin.ok('previewImport', { importId });
    expect(preview).toMatchObject({ delimiter: ';', headers: ['Given name', 'Surname', 'E-mail', 'Role'], rows: 8, mapping: { firstName: 0, lastName: 1, email: 2, role: 3 } });
    expect(preview.counts).toEqual({ add: 2, exists: 1, duplicate: 1, invalidEmail: 1, missingName: 1, invalidName: 0, unknownRole: 1, tooLong: 1 });
    const dup = await admin.ok('importRows', { importId, verdict: 'duplicate', offset: 0, limit: 10 });
    expect(dup.rows).toEqual([expect.objectContaining({ line: 6, email: 'GRACE@example.org', verdict: 'duplicate' })]);
    const people = () => t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get();
    const before = people();

    const started = await admin.ok('confirmImport', { importId });
    expect(started.phase).toBe('writing');
    const done = await untilImport(admin, importId, (s) => s.phase !== 'writing');
    expect(done).toMatchObject({ phase: 'done', added: 2, skipped: 6, codes: 'available' });
    expect(people()).toBe((before as number) + 2);
    const grace = t.roster.db.prepare("SELECT * FROM users WHERE email = 'grace@example.org'").get() as Record<string, unknown>;
    expect(grace).toMatchObject({ first_name: 'Grace', role: 'admin', password_hash: null, is_active: 1 });

    await admin.ok('importCodes', { importId });
    const codes = Papa.parse<string[]>((await delivery.bytes()).subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    expect(codes.map((r) => r[3])).toEqual(['Email', 'ada.byron@example.org', 'grace@example.org']);
    expect(codes[1]![4]).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect((await admin.ok('importStatus', { importId })).codes).toBe('taken');
    expect(await admin.call('importCodes', { importId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The code is an invite: Grace redeems it with a password of her own, as the sign-in page's "Have an invite code?".
    const graceCode = codes.find((r) => r[3] === 'grace@example.org')![4]!;
    const grace2 = t.caller();
    await grace2.ok('redeemCode', { email: 'grace@example.org', code: graceCode, newPassword: 'umbrella tangerine voyage' });
    expect((await grace2.ok('getMe', {})).role).toBe('admin');

    // Every added person is audited, and the import once.
    const actions = t.roster.db.prepare("SELECT action, details FROM audit_log WHERE action IN ('person_added', 'people_imported') ORDER BY id").all() as { action: string; details: string }[];
    expect(actions.slice(-3).map((a) => a.action)).toEqual(['person_added', 'person_added', 'people_imported']);
    expect(JSON.parse(actions.at(-1)!.details)).toMatchObject({ file: 'people.csv', rows: 8, added: 2, skipped: 6 });
    // The entries written on the worker's connection continue the log's hash chain.
    expect(await admin.ok('verifyActivityLog', { recheck: true })).toMatchObject({ ok: true, brokenAt: null });
    // No code reached the log.
    const log = JSON.stringify(t.roster.db.prepare('SELECT details FROM audit_log').pluck().all());
    expect(log).not.toContain(graceCode);
  });

  it('a corrected mapping judges the rows again', async () => {
    const { admin, waiting } = await setUp();
    const importId = waiting('Col A,Col B,Col C\nada@x.org,Ada,Lovelace\nbob@x.org,Bob,Smith\n');
    const first = await admin.ok('previewImport', { importId });
    expect(first.mapping).toEqual({ firstName: null, lastName: null, email: null, role: null });
    expect(first.counts.missingName).toBe(2);
    const fixed = await admin.ok('previewImport', { importId, mapping: { firstName: 1, lastName: 2, email: 0, role: null } });
    expect(fixed.counts.add).toBe(2);
    const page = await admin.ok('importRows', { importId, verdict: null, offset: 0, limit: 5 });
    expect(page.rows.map((r) => [r.firstName, r.email])).toEqual([['Ada', 'ada@x.org'], ['Bob', 'bob@x.org']]);
  });

  it('the report lists every row with its outcome', async () => {
    const { admin, delivery, waiting } = await setUp();
    const importId = waiting('First name,Last name,Email\nAda,L,ada@x.org\nBob,,bob@x.org\n');
    await admin.ok('previewImport', { importId });
    await admin.ok('confirmImport', { importId });
    await untilImport(admin, importId, (s) => s.phase === 'done');
    await admin.ok('importReport', { importId });
    const rows = Papa.parse<string[]>((await delivery.bytes()).subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['Line', 'Email', 'Outcome'],
      ['2', 'ada@x.org', 'Added; invite code in the codes file'],
      ['3', 'bob@x.org', 'Skipped: missing name (Last name is missing.)'],
    ]);
  });

  it('a person imported with an address the throttle already holds back carries the lock, as one added person does', async () => {
    const { t, admin, waiting } = await setUp();
    // Guessed at before they existed. Sign-in lowercases what is typed; a failure kept in another case (an older
    // Roster's) must still lock the address, as SQLite compares it (NOCASE).
    const failed = t.roster.db.prepare('INSERT INTO login_failures (email, at) VALUES (?, ?)');
    for (let i = 0; i < FREE_FAILURES; i++) failed.run('Ada.Byron@Example.org', t.clock.now() - (FREE_FAILURES - i) * 1000);
    const importId = waiting(FILE);
    await admin.ok('previewImport', { importId });
    await admin.ok('confirmImport', { importId });
    expect(await untilImport(admin, importId, (s) => s.phase !== 'writing')).toMatchObject({ phase: 'done', added: 3 });
    const lockOf = (email: string) => t.roster.db.prepare('SELECT locked_until FROM users WHERE email = ?').pluck().get(email) as number | null;
    expect(lockOf('ada.byron@example.org')).toBeGreaterThan(t.clock.now());
    expect(lockOf('grace@example.org')).toBeNull();
    const page = await admin.ok('listPeople', { tab: 'active', pageSize: 25, filter: { kind: 'lockedOut' } });
    expect(page.rows.map((r) => r.email)).toEqual(['ada.byron@example.org']);
  });
});
