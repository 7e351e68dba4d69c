// The audit log is a hash chain with a head record outside the database: plain SQL edits, removals and cut-offs
// are named by the check (in the app and from the terminal); a restore carries the chain on; the upgrade chains
// the entries it finds.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS, type ChainedFields } from '../../../main/core/audit/audit-chain.ts';
import { AUDIT_HEAD_FILE } from '../../../main/core/audit/audit-head-file.ts';
import { DATABASE_FILE } from '../../../main/core/data-dir.ts';
import { MIGRATIONS } from '../../../main/core/db/migrations.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { ADMIN, startTestRoster, tempDir, type Caller, type TestRoster } from '../harness.ts';
import { addPerson } from '../people/helpers.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'main', 'verify-audit-cli.mjs');

async function someHistory(): Promise<{ t: TestRoster; admin: Caller }> {
  const t = await startTestRoster();
  const admin = await t.admin();
  for (const name of ['Grace', 'Alan', 'Mae']) {
    const { person } = await addPerson(admin, name);
    t.clock.advance(1000);
    await admin.ok('deactivatePerson', { id: person.id });
  }
  return { t, admin };
}

/** Waits until the head record names the newest entry (it follows each write right after its transaction). */
async function headSettled(t: TestRoster): Promise<void> {
  const newest = t.roster.db.prepare('SELECT MAX(id) FROM audit_log').pluck().get();
  await expect.poll(() => (JSON.parse(fs.readFileSync(path.join(t.dataDir, AUDIT_HEAD_FILE), 'utf8')) as { id: number }).id).toBe(newest);
}

/** What someone with SQL access could do: rewrite every hash so the chain is whole again. */
function rechain(db: Database.Database): void {
  let previous = GENESIS;
  const update = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  for (const e of db.prepare<[], ChainedFields>('SELECT id, at, actor_id, action, target_id, details FROM audit_log ORDER BY id').all()) {
    previous = entryHash(previous, e);
    update.run(previous, e.id);
  }
}

async function cli(dataDir: string): Promise<{ code: number; out: string }> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does).`);
  try {
    const { stdout } = await run(process.execPath, [CLI, '--data-dir', dataDir]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('tamper evidence', () => {
  it('an untouched log verifies, in the app and from the terminal', async () => {
    const { t, admin } = await someHistory();
    await headSettled(t);
    const verdict = await admin.ok('verifyActivityLog', { recheck: true });
    expect(verdict).toMatchObject({ ok: true, brokenAt: null, anchor: { state: 'matches' } });
    expect(verdict.entries).toBe(t.roster.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get());
    expect(await cli(t.dataDir)).toMatchObject({ code: 0, out: expect.stringMatching(/^Chain intact: \d+ entries/) });
  });

  it('an entry edited with plain SQL is named as the break, in the app and from the terminal', async () => {
    const { t, admin } = await someHistory();
    const victim = t.roster.db.prepare("SELECT id FROM audit_log WHERE action = 'person_deactivated' ORDER BY id LIMIT 1").pluck().get() as number;
    t.roster.db.prepare("UPDATE audit_log SET details = '{\"note\":\"nothing happened\"}' WHERE id = ?").run(victim);
    const verdict = await admin.ok('verifyActivityLog', { recheck: true });
    expect(verdict.ok).toBe(false);
    expect(verdict.brokenAt).toEqual({ id: victim, reason: expect.stringMatching(/does not match its hash/) });
    const terminal = await cli(t.dataDir);
    expect(terminal.code).toBe(1);
    expect(terminal.out).toContain(`BROKEN at entry ${victim}:`);
  });

  it('a removed entry breaks the chain at the entry after it, saying which are missing', async () => {
    const { t, admin } = await someHistory();
    t.roster.db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    const verdict = await admin.ok('verifyActivityLog', { recheck: true });
    expect(verdict.brokenAt).toEqual({ id: 4, reason: expect.stringContaining('entries 3–3 are missing') });
  });

  it('a log rewritten whole, or cut short, keeps a whole chain, and the head record outside the database names it', async () => {
    const { t, admin } = await someHistory();
    await headSettled(t);
    const db = t.roster.db;
    db.prepare("UPDATE audit_log SET details = '{}' WHERE action = 'person_added'").run();
    rechain(db);
    let verdict = await admin.ok('verifyActivityLog', { recheck: true });
    expect(verdict.brokenAt).toBeNull();
    expect(verdict.anchor).toMatchObject({ state: 'mismatch', detail: expect.stringMatching(/no longer has the hash/) });
    expect(verdict.ok).toBe(false);
    expect((await cli(t.dataDir)).code).toBe(1);

    // Cut short: the newest entries removed (the chain of what is left is whole).
    const t2 = (await someHistory()).t;
    await headSettled(t2);
    const newest = t2.roster.db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number;
    t2.roster.db.prepare('DELETE FROM audit_log WHERE id > ?').run(newest - 2);
    const c = t2.caller();
    await c.ok('signIn', { email: ADMIN.email, password: ADMIN.password }); // new entries reuse the removed ids
    verdict = await c.ok('verifyActivityLog', { recheck: true });
    expect(verdict.brokenAt).toBeNull();
    expect(verdict.anchor).toMatchObject({ state: 'mismatch', id: newest });
    // New entries since (the sign-ins) did not move the record past the evidence.
    expect((JSON.parse(fs.readFileSync(path.join(t2.dataDir, AUDIT_HEAD_FILE), 'utf8')) as { id: number }).id).toBe(newest);
  });

  it('a missing head record is started again, and the log says so', async () => {
    const { t } = await someHistory();
    await headSettled(t);
    await t.roster.close();
    fs.rmSync(path.join(t.dataDir, AUDIT_HEAD_FILE));
    const again = await startTestRoster({ dataDir: t.dataDir });
    const admin = again.caller();
    await admin.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    const started = again.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'audit_head_started'").pluck().all();
    expect(started).toEqual([JSON.stringify({ found: 'missing', afterEntry: 7 })]);
    await headSettled(again);
    expect(await admin.ok('verifyActivityLog', { recheck: true })).toMatchObject({ ok: true, anchor: { state: 'matches' } });
  });

  it('entries rolled back with the change they recorded leave the chain whole', async () => {
    const { admin } = await someHistory();
    const { person } = await addPerson(admin, 'Rollo');
    // Deactivating the last admin is refused inside its transaction, after nothing was recorded; an edit to a taken
    // email is refused too. Then a real change: the chain must continue from the last committed entry.
    expect((await admin.call('editPerson', { id: person.id, firstName: 'Rollo', lastName: 'Tester', email: 'grace@example.org' })).ok).toBe(false);
    await admin.ok('setRole', { id: person.id, role: 'admin', expectedRole: 'user' });
    expect(await admin.ok('verifyActivityLog', { recheck: true })).toMatchObject({ brokenAt: null });
  });

  it('a restore carries the restored log on, and the head record follows it', async () => {
    const { t, admin } = await someHistory();
    const backup = await admin.ok('backUpNow', {});
    await addPerson(admin, 'Later');
    const preview = await admin.ok('inspectBackup', { path: backup.path });
    await admin.ok('restoreBackup', { token: preview.token, confirm: 'RESTORE' });
    const again = t.caller();
    await again.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    await headSettled(t);
    const verdict = await again.ok('verifyActivityLog', { recheck: true });
    expect(verdict).toMatchObject({ ok: true, brokenAt: null, anchor: { state: 'matches' } });
    const actions = t.roster.db.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 3').pluck().all();
    expect(actions).toEqual(['sign_in', 'backup_restored', 'person_deactivated']); // the backup's own last entry, then the restore's
  });

  it('the upgrade that adds the chain chains the entries it finds, and moves repeat counts out of the hashed details', async () => {
    const dir = tempDir('roster-v3-');
    const file = path.join(dir, DATABASE_FILE);
    const v3 = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    const insert = v3.prepare('INSERT INTO audit_log (at, actor_id, action, target_id, details) VALUES (?, ?, ?, ?, ?)');
    insert.run(1, null, 'sign_in_locked', null, JSON.stringify({ email: 'x@example.org', waitSeconds: 15, count: 12 }));
    insert.run(2, null, 'sign_in_failed', null, JSON.stringify({ email: 'y@example.org' }));
    closeDatabase(v3);
    const db = await openDatabase(file);
    const rows = db.prepare('SELECT id, details, repeats, hash FROM audit_log ORDER BY id').all() as { id: number; details: string; repeats: number | null; hash: Buffer }[];
    expect(rows.map((r) => [r.details, r.repeats])).toEqual([
      [JSON.stringify({ email: 'x@example.org', waitSeconds: 15 }), 12],
      [JSON.stringify({ email: 'y@example.org' }), null],
    ]);
    const first = entryHash(GENESIS, { id: 1, at: 1, actor_id: null, action: 'sign_in_locked', target_id: null, details: rows[0]!.details });
    expect(rows[0]!.hash.equals(first)).toBe(true);
    expect(rows[1]!.hash.equals(entryHash(first, { id: 2, at: 2, actor_id: null, action: 'sign_in_failed', target_id: null, details: rows[1]!.details }))).toBe(true);
    closeDatabase(db);
  });
});
