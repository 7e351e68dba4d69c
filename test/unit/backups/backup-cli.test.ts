// `npm run backup` / `npm run restore` as processes: the built dist/main/backup-cli.mjs (npm test builds first).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../main/core/data-dir-lock.ts';
import { startTestRoster, tempDir } from '../harness.ts';
import { addPerson } from '../people/helpers.ts';
import { backupsDir, emailsIn } from './backup-helpers.ts';

const CLI = path.resolve(import.meta.dirname, '../../../dist/main/backup-cli.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A data folder with Ada and Grace, closed (as when Roster is not running). */
async function dataFolder(): Promise<string> {
  const t = await startTestRoster();
  await addPerson(await t.admin(), 'Grace');
  await t.roster.close();
  return t.dataDir;
}

describe('the backup and restore commands', () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does).`);
  });

  it('backs up into backups/ in the data folder, or into --to, as an owner-only checked copy', async () => {
    const dir = await dataFolder();
    const first = run('backup', '--data-dir', dir);
    expect(first.code, first.stderr).toBe(0);
    const file = /^Backed up to (\S+)$/m.exec(first.stdout)![1]!;
    expect(path.dirname(file)).toBe(backupsDir(dir));
    expect(first.stdout).toMatch(/2 people, .* integrity ok/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(emailsIn(file)).toEqual(['ada@example.org', 'grace@example.org']);
    const elsewhere = tempDir();
    const second = run('backup', '--data-dir', dir, '--to', elsewhere);
    expect(second.code, second.stderr).toBe(0);
    expect(fs.readdirSync(elsewhere).filter((f) => f.endsWith('-manual.db'))).toHaveLength(1);
  });

  it('refuses clearly: no database, a missing --to folder, unknown options', async () => {
    const empty = tempDir();
    expect(run('backup', '--data-dir', empty)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no Roster database/) });
    const dir = await dataFolder();
    expect(run('backup', '--data-dir', dir, '--to', path.join(empty, 'nope'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not exist/) });
    expect(run('backup', '--data-dir', dir, '--bogus')).toMatchObject({ code: 1, stderr: expect.stringMatching(/Usage/) });
    expect(run('restore', '--data-dir', dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/--from FILE/) });
  });

  it('restores a backup (ending every session, keeping the replaced database) but refuses while Roster runs on the folder', async () => {
    const dir = await dataFolder();
    const backup = /^Backed up to (\S+)$/m.exec(run('backup', '--data-dir', dir).stdout)![1]!;
    const t = await startTestRoster({ dataDir: dir });
    const admin = t.caller();
    await admin.ok('signIn', { email: 'ada@example.org', password: 'correct horse battery staple' });
    await addPerson(admin, 'Linus');
    await t.roster.close();

    const unlock = lockDataDir(dir); // as a running Roster holds it
    const refused = run('restore', '--data-dir', dir, '--from', backup);
    unlock();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already running with this data folder/);
    expect(emailsIn(path.join(dir, 'roster.db'))).toContain('linus@example.org');

    const restored = run('restore', '--data-dir', dir, '--from', backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/2 people, 1 active admin, schema \d+/);
    expect(emailsIn(path.join(dir, 'roster.db'))).toEqual(['ada@example.org', 'grace@example.org']);
    const saved = /saved as (\S+)$/m.exec(restored.stdout)![1]!;
    expect(emailsIn(saved)).toContain('linus@example.org');
    const after = await startTestRoster({ dataDir: dir });
    expect(after.roster.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
    expect(after.roster.db.prepare("SELECT details FROM audit_log WHERE action = 'backup_restored'").pluck().get()).toMatch(/command line/);
  });

  it('refuses a damaged or foreign file and leaves the database as it was', async () => {
    const dir = await dataFolder();
    const text = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(text, 'hello\n'.repeat(100));
    const before = fs.readFileSync(path.join(dir, 'roster.db'));
    expect(run('restore', '--data-dir', dir, '--from', text)).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a Roster database/) });
    expect(fs.readFileSync(path.join(dir, 'roster.db')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('roster.db'))).toEqual(['roster.db']);
  });
});
