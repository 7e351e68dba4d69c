import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../main/core/db/migrations.ts';
import { INCOMING_FILE } from '../../../main/core/backups/restore-swap.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster, tempDir, type Caller } from '../harness.ts';
import { addPerson, addSignedInPerson } from '../people/helpers.ts';
import { backupsDir, corrupt, emailsIn, foreignDatabase, newerSchemaCopy, olderSchemaDatabase } from './backup-helpers.ts';

async function restore(admin: Caller, file: string) {
  const preview = await admin.ok('inspectBackup', { path: file });
  return { preview, result: await admin.ok('restoreBackup', { token: preview.token, confirm: 'RESTORE' }) };
}

describe('Back up now', () => {
  it('writes an owner-only, self-contained, checked copy named with the date and schema version', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await addPerson(admin, 'Grace');
    const entry = await admin.ok('backUpNow', {});
    expect(path.dirname(entry.path)).toBe(backupsDir(t.dataDir));
    expect(entry.fileName).toMatch(new RegExp(`^roster-2026-01-01_00-00-00-000Z-schema${LATEST_VERSION}-manual\\.db$`));
    expect(entry).toMatchObject({ kind: 'manual', people: 2, integrity: 'ok', schemaVersion: LATEST_VERSION });
    expect(fs.statSync(entry.path).mode & 0o777).toBe(0o600);
    // One file: no WAL or journal beside it, and it opens on its own.
    expect(fs.readdirSync(backupsDir(t.dataDir)).filter((f) => !f.endsWith('.check.json'))).toEqual([entry.fileName]);
    expect(emailsIn(entry.path)).toEqual(['ada@example.org', 'grace@example.org']);
    const view = await admin.ok('getBackups', {});
    expect(view.backups.map((b) => b.fileName)).toEqual([entry.fileName]);
    expect(view.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    expect(t.roster.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'backup_created'").pluck().get()).toBe(1);
  });

  it('removes the half-written copies of a backup killed part-way, and leaves alone those another running process is writing', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const folder = backupsDir(t.dataDir);
    fs.mkdirSync(folder, { recursive: true });
    const gone = 2 ** 22 + 12345; // above Linux's default pid_max (4194304 is its ceiling): no such process
    const abandoned = [`.roster-backup-1-${gone}.partial`, `.roster-backup-1-${gone}.partial-journal`, `.roster-backup-2-${process.pid}.partial`];
    const live = `.roster-backup-3-${process.ppid}.partial`; // our parent runs for as long as this test does
    for (const f of [...abandoned, live]) fs.writeFileSync(path.join(folder, f), 'half a database');
    const entry = await admin.ok('backUpNow', {});
    expect(fs.readdirSync(folder).filter((f) => !f.endsWith('.check.json')).sort()).toEqual([live, entry.fileName].sort());
  });

  it('is one consistent snapshot: every write committed before it began, and each write made during it whole or not at all', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    // Enough rows for the copy to take many steps, so the edits below run while it copies.
    const insert = t.roster.db.prepare("INSERT INTO users (first_name, last_name, email, role, created_at, updated_at) VALUES ('Bulk', 'Person', ?, 'user', 1, 1)");
    t.roster.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`bulk${i}@example.org`);
    })();
    const before: string[] = [];
    for (let i = 0; i < 5; i++) before.push((await addPerson(admin, `Before${i}`)).person.email);
    let copying = true as boolean; // cleared by the backup's finally, which the checker cannot see
    const backup = admin.ok('backUpNow', {}).finally(() => (copying = false));
    // Each add writes the person and its audit entry in one transaction, while the backup copies and checks.
    const during: string[] = [];
    let sawProgress = false;
    while (copying) {
      const progress = await admin.ok('backupProgress', {});
      if (progress?.phase === 'Copying the database') sawProgress = true;
      during.push((await addPerson(admin, `During${during.length}`)).person.email);
    }
    const entry = await backup;
    expect(sawProgress).toBe(true);
    expect(during.length).toBeGreaterThan(3);
    expect(entry.integrity).toBe('ok');
    const copy = new Database(entry.path, { readonly: true });
    const inBackup = new Set(copy.prepare<[], string>('SELECT email FROM users').pluck().all());
    expect(before.filter((e) => !inBackup.has(e))).toEqual([]);
    // A snapshot: of the adds made meanwhile, only a first few (those done before it was taken) can be in it.
    const duringIn = during.map((e) => inBackup.has(e));
    expect(duringIn.indexOf(false) === -1 || duringIn.slice(duringIn.indexOf(false)).every((x) => !x)).toBe(true);
    // Whole writes only: every person in the copy has the audit entry written with them, and the counts agree.
    const orphans = copy
      .prepare("SELECT COUNT(*) FROM users u WHERE u.email LIKE 'during%' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'person_added' AND a.target_id = u.id)")
      .pluck()
      .get();
    expect(orphans).toBe(0);
    expect(copy.prepare('SELECT SUM(people) FROM user_tab_counts').pluck().get()).toBe(inBackup.size);
    copy.close();
  });

  it('refuses a chosen folder that does not exist, is a file, or is not writable, and keeps the settings', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const before = (await admin.ok('getBackups', {})).settings;
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    const readOnly = tempDir();
    fs.chmodSync(readOnly, 0o500);
    const cases: [string, RegExp][] = [
      ['relative/folder', /full path/],
      [path.join(tempDir(), 'missing'), /does not exist/],
      [file, /is a file, not a folder/],
    ];
    if (process.getuid?.() !== 0) cases.push([readOnly, /cannot write/]); // root can write anywhere
    for (const [folder, message] of cases) {
      const result = await admin.call('saveBackupSettings', { ...before, folder });
      expect(result, folder).toMatchObject({ ok: false, error: { code: 'PATH_INVALID', field: 'folder' } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect((await admin.ok('getBackups', {})).settings).toEqual(before);
    const chosen = tempDir();
    const view = await admin.ok('saveBackupSettings', { automatic: false, intervalHours: 6, keep: 3, folder: chosen });
    expect(view).toMatchObject({ folder: chosen, settings: { automatic: false, intervalHours: 6, keep: 3, folder: chosen } });
    expect((await admin.ok('backUpNow', {})).path.startsWith(chosen)).toBe(true);
  });
});

describe('Restore', () => {
  it('brings back the backed-up state, ends every session, revokes codes and is audited in both databases', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { caller: grace } = await addSignedInPerson(t, admin, 'Grace');
    const backup = await admin.ok('backUpNow', {});
    await addPerson(admin, 'Linus'); // after the backup
    const { person: temp } = await addPerson(admin, 'Temp');
    await admin.ok('deactivatePerson', { id: temp.id });
    const other = t.caller();
    await other.ok('signIn', { email: ADMIN.email, password: GOOD_PASSWORD });
    t.clock.advance(60_000);

    const { preview, result } = await restore(admin, backup.path);
    expect(preview).toMatchObject({ people: 2, activeAdmins: 1, schemaVersion: LATEST_VERSION, upgrade: false, path: backup.path });
    expect(preview.newestAudit?.action).toBe('password_changed'); // Grace chose her password just before the backup
    expect(result.restoredFrom).toBe(backup.path);

    // The old state: Linus and Temp are gone; Grace is back as she was.
    expect(t.roster.db.prepare('SELECT email FROM users ORDER BY email').pluck().all()).toEqual(['ada@example.org', 'grace@example.org']);
    // Every session ended: the restoring admin, another window, and Grace.
    for (const c of [admin, other, grace]) expect(await c.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
    // Audited in the restored database and in the one it replaced (saved in backups/).
    expect(t.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'backup_restored'").pluck().all()).toHaveLength(1);
    expect(path.dirname(result.savedCurrentAs)).toBe(backupsDir(t.dataDir));
    expect(path.basename(result.savedCurrentAs)).toMatch(/-before-restore\.db$/);
    const saved = new Database(result.savedCurrentAs, { readonly: true });
    expect(saved.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'restore_started'").pluck().get()).toBe(1);
    expect(saved.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(4); // the replaced state, kept
    saved.close();
    expect(fs.existsSync(path.join(t.dataDir, INCOMING_FILE))).toBe(false);

    // The admin signs in again and works on the restored database.
    const again = t.caller();
    await again.ok('signIn', { email: ADMIN.email, password: GOOD_PASSWORD });
    await addPerson(again, 'Margaret');
    expect((await again.ok('tabCounts', {})).active).toBe(3);
    // The copy saved before the restore is listed, and restoring it undoes the restore.
    const view = await again.ok('getBackups', {});
    expect(view.backups.map((b) => b.kind)).toEqual(['before-restore', 'manual']);
    await restore(again, result.savedCurrentAs);
    expect(t.roster.db.prepare('SELECT email FROM users ORDER BY email').pluck().all()).toEqual([
      'ada@example.org',
      'grace@example.org',
      'linus@example.org',
      'temp@example.org',
    ]);
  });

  it('revokes invite and reset codes that were outstanding in the backup', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    t.roster.db.prepare("INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, 'reset', 'x', 1, 9e15)").run(person.id);
    const backup = await admin.ok('backUpNow', {});
    await restore(admin, backup.path);
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM one_time_codes WHERE used_at IS NULL').pluck().get()).toBe(0);
  });

  it("leaves no one with a pending invite, whatever the backup's own copy of it says (the column a crafted file could set)", async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    const backup = await admin.ok('backUpNow', {});
    // Forged in the file: an invite that lasts for ever, with no code behind it (no trigger ran).
    const file = new Database(backup.path);
    file.prepare('UPDATE users SET password_hash = NULL, invite_expires_at = 9e15 WHERE id = ?').run(person.id);
    file.close();
    await restore(admin, backup.path);
    expect(t.roster.db.prepare('SELECT invite_expires_at FROM users WHERE id = ?').pluck().get(person.id)).toBeNull();
    const again = t.caller(); // a restore ends every session
    await again.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    expect(await again.ok('countPeople', { tab: 'active', filter: { kind: 'invitePending' } })).toEqual({ total: 0 });
  });

  it('upgrades a backup with an older schema', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const old = path.join(tempDir(), 'old-roster.db');
    await olderSchemaDatabase(old, 1, ['old.timer@example.org']);
    const { preview } = await restore(admin, old);
    expect(preview).toMatchObject({ schemaVersion: 1, upgrade: true, people: 2 });
    expect(t.roster.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const again = t.caller();
    await again.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    // Derived data (search index, tab counts) works on the upgraded file.
    expect((await again.ok('countPeople', { tab: 'active', query: 'timer' })).total).toBe(1);
    expect(fs.readFileSync(old).subarray(0, 15).toString()).toBe('SQLite format 3'); // the chosen file is only read
    expect(emailsIn(old)).toEqual(['ada@example.org', 'old.timer@example.org']);
  });

  it.each([
    ['a damaged backup', 'BACKUP_DAMAGED', /damaged/],
    ['a backup from a newer Roster', 'BACKUP_TOO_NEW', /newer Roster/],
    ['a text file', 'NOT_A_ROSTER_DATABASE', /not a Roster database/],
    ['an SQLite file of another program', 'NOT_A_ROSTER_DATABASE', /not a Roster database/],
    ['a backup with no active admin', 'BACKUP_NO_ADMIN', /no active admin/],
  ])('refuses %s, and nothing changes', async (what, code, message) => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await addPerson(admin, 'Grace');
    const good = await admin.ok('backUpNow', {});
    const file = path.join(tempDir(), 'candidate.db');
    if (what === 'a damaged backup') {
      fs.copyFileSync(good.path, file);
      corrupt(file);
    } else if (what === 'a backup from a newer Roster') newerSchemaCopy(good.path, file);
    else if (what === 'a text file') fs.writeFileSync(file, 'not a database at all\n'.repeat(100));
    else if (what === 'an SQLite file of another program') foreignDatabase(file);
    else {
      fs.copyFileSync(good.path, file);
      const db = new Database(file);
      db.exec("UPDATE users SET role = 'user'");
      db.close();
    }
    const candidate = fs.readFileSync(file);
    const result = await admin.call('inspectBackup', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(fs.existsSync(path.join(t.dataDir, INCOMING_FILE))).toBe(false);
    expect(fs.readFileSync(file).equals(candidate)).toBe(true);
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
    expect(await admin.call('getMe', {})).toMatchObject({ ok: true });
  });

  it('restores only what was checked: a stale or missing check, or a word other than RESTORE, changes nothing', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const backup = await admin.ok('backUpNow', {});
    await addPerson(admin, 'Grace');
    const first = await admin.ok('inspectBackup', { path: backup.path });
    expect(await admin.call('restoreBackup', { token: first.token, confirm: 'restore' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'confirm' } });
    const second = await admin.ok('inspectBackup', { path: backup.path });
    expect(await admin.call('restoreBackup', { token: first.token, confirm: 'RESTORE' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await admin.ok('cancelRestore', { token: second.token });
    expect(fs.existsSync(path.join(t.dataDir, INCOMING_FILE))).toBe(false);
    expect(await admin.call('restoreBackup', { token: second.token, confirm: 'RESTORE' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(2);
    expect(await admin.call('getMe', {})).toMatchObject({ ok: true });
  });

  it('refuses a path that is missing, a folder, or empty, with a clear message', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const dir = tempDir();
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    const cases: [string, string, RegExp][] = [
      [path.join(dir, 'nope.db'), 'PATH_INVALID', /does not exist/],
      [dir, 'PATH_INVALID', /is a folder/],
      [empty, 'NOT_A_ROSTER_DATABASE', /empty/],
      ['backups/x.db', 'PATH_INVALID', /full path/],
    ];
    for (const [p, code, message] of cases) {
      const result = await admin.call('inspectBackup', { path: p });
      expect(result, p).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await admin.call('inspectBackup', { path: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'path' } });
  });

  it('holds other calls while the database is swapped, then answers them from the restored one', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const backup = await admin.ok('backUpNow', {});
    await addPerson(admin, 'Grace');
    const other = t.caller();
    await other.ok('signIn', { email: ADMIN.email, password: GOOD_PASSWORD });
    const preview = await admin.ok('inspectBackup', { path: backup.path });
    const restoring = admin.ok('restoreBackup', { token: preview.token, confirm: 'RESTORE' });
    // Sent while the restore runs: never an INTERNAL error from a closed database, always a clean answer.
    const during = await Promise.all(Array.from({ length: 20 }, () => other.call('tabCounts', {})));
    await restoring;
    for (const r of during) expect(r.ok || r.error.code === 'UNAUTHENTICATED', JSON.stringify(r)).toBe(true);
    expect(await other.call('tabCounts', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('the backup methods at the door', () => {
  it('are admin only, check their input, and leave nothing half-written when a backup stops part-way', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { caller: grace } = await addSignedInPerson(t, admin, 'Grace');
    for (const [method, payload] of [
      ['getBackups', {}],
      ['backUpNow', {}],
      ['inspectBackup', { path: '/tmp' }],
      ['restoreBackup', { token: 'x', confirm: 'RESTORE' }],
      ['saveBackupSettings', { automatic: true, intervalHours: 24, keep: 7, folder: '' }],
    ] as const) {
      expect(await grace.raw(method, payload), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(fs.existsSync(backupsDir(t.dataDir))).toBe(false);
    for (const [method, payload, field] of [
      ['saveBackupSettings', { automatic: true, intervalHours: 0, keep: 7, folder: '' }, 'intervalHours'],
      ['saveBackupSettings', { automatic: true, intervalHours: 24, keep: 1000, folder: '' }, 'keep'],
      ['saveBackupSettings', { automatic: 'yes', intervalHours: 24, keep: 7, folder: '' }, 'automatic'],
      ['saveBackupSettings', { automatic: true, intervalHours: 24, keep: 7, folder: 'a\nb' }, 'folder'],
      ['inspectBackup', { path: 42 }, 'path'],
      ['restoreBackup', { token: 'x' }, 'confirm'],
      ['choosePath', { kind: 'anything' }, 'kind'],
    ] as const) {
      expect(await admin.raw(method, payload), `${method} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    }
    expect(await admin.call('choosePath', { kind: 'folder' })).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });

    // Closing Roster during a backup stops it between two steps: no partial file, no listed backup.
    const insert = t.roster.db.prepare("INSERT INTO users (first_name, last_name, email, role, created_at, updated_at) VALUES ('Bulk', 'Person', ?, 'user', 1, 1)");
    t.roster.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`bulk${i}@example.org`);
    })();
    const backup = admin.call('backUpNow', {});
    while ((await admin.ok('backupProgress', {}))?.phase !== 'Copying the database') await new Promise((r) => setImmediate(r));
    await t.roster.close();
    expect(await backup).toMatchObject({ ok: false });
    expect(fs.readdirSync(backupsDir(t.dataDir))).toEqual([]);
  });
});
