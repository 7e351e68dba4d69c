import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { BackupSchedule, CHECK_EVERY_MS, START_GRACE_MS } from '../../../main/core/backups/backup-schedule.ts';
import { HOUR_MS } from '../../../main/core/backups/backup-policy.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster, type TestRoster } from '../harness.ts';
import { backupsDir } from './backup-helpers.ts';

/** Sessions last 12 hours and these tests move the clock by days: sign in afresh. */
async function signedInAdmin(t: TestRoster) {
  const c = t.caller();
  await c.ok('signIn', { email: ADMIN.email, password: GOOD_PASSWORD });
  return c;
}

const autoBackups = (dataDir: string) => fs.readdirSync(backupsDir(dataDir)).filter((f) => f.endsWith('-auto.db'));

describe('the schedule', () => {
  it("checks first a little after start (the admin's first minutes stay quick), then every minute, until stopped", async () => {
    vi.useFakeTimers();
    try {
      let checks = 0;
      let runs = 0;
      const schedule = new BackupSchedule({ isDue: () => (checks++, true), run: () => {
        runs++;
        return Promise.resolve();
      }, logError: () => {} });
      schedule.start();
      await vi.advanceTimersByTimeAsync(START_GRACE_MS - 1);
      expect(checks).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect([checks, runs]).toEqual([1, 1]);
      await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
      expect([checks, runs]).toEqual([4, 4]);
      schedule.stop();
      await vi.advanceTimersByTimeAsync(10 * CHECK_EVERY_MS);
      expect(checks).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('automatic backups', () => {
  it('fire at start when the last one is older than the interval, then once per interval on the app clock', async () => {
    // A first run makes the admin and a backup; a later start (25 h on) finds it stale.
    const t1 = await startTestRoster();
    const admin = await t1.admin();
    await admin.ok('backUpNow', {});
    const dataDir = t1.dataDir;
    await t1.roster.close();

    const t = await startTestRoster({ dataDir, scheduleBackups: true });
    expect(t.roster.backupSchedule).not.toBeNull();
    await t.roster.backupSchedule!.tick(); // the start's check: the manual backup is from "now" on this clock
    expect(fs.existsSync(backupsDir(dataDir)) ? autoBackups(dataDir) : []).toEqual([]);

    t.clock.advance(25 * HOUR_MS); // as if this start came 25 hours later
    await t.roster.backupSchedule!.tick();
    expect(autoBackups(dataDir)).toHaveLength(1);

    t.clock.advance(23 * HOUR_MS);
    await t.roster.backupSchedule!.tick();
    expect(autoBackups(dataDir)).toHaveLength(1); // not yet due
    t.clock.advance(HOUR_MS);
    await t.roster.backupSchedule!.tick();
    expect(autoBackups(dataDir)).toHaveLength(2);
  });

  it('run at start when there is no backup yet, but not before the first admin exists', async () => {
    const t0 = await startTestRoster({ scheduleBackups: true });
    await t0.roster.backupSchedule!.tick();
    expect(fs.existsSync(backupsDir(t0.dataDir))).toBe(false);
    await t0.admin();
    await t0.roster.backupSchedule!.tick();
    expect(autoBackups(t0.dataDir)).toHaveLength(1);
  });

  it('keep the newest N automatic backups and never delete the ones made by hand', async () => {
    const t = await startTestRoster({ scheduleBackups: true });
    const admin = await t.admin();
    await admin.ok('saveBackupSettings', { automatic: true, intervalHours: 1, keep: 3, folder: '' });
    const manual = await admin.ok('backUpNow', {});
    const made: string[] = [];
    for (let i = 0; i < 6; i++) {
      t.clock.advance(HOUR_MS);
      await t.roster.backupSchedule!.tick();
      made.push(autoBackups(t.dataDir).sort().at(-1)!);
    }
    expect(autoBackups(t.dataDir).sort()).toEqual(made.slice(-3));
    expect(fs.existsSync(manual.path)).toBe(true);
    // The check records of deleted backups go with them.
    expect(fs.readdirSync(backupsDir(t.dataDir)).filter((f) => f.endsWith('.check.json'))).toHaveLength(4);
  });

  it('record a failure, warn about it, wait an hour before trying again, and clear it on success', async () => {
    const t = await startTestRoster({ scheduleBackups: true });
    await t.admin();
    await t.roster.backupSchedule!.tick();
    const folder = backupsDir(t.dataDir);
    // Replace the backups folder with a file: the next backup cannot be written.
    t.clock.advance(25 * HOUR_MS);
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, 'in the way');
    await t.roster.backupSchedule!.tick();
    const view = await (await signedInAdmin(t)).ok('getBackups', {});
    expect(view.warnings.filter((w) => w.severity === 'error').map((w) => w.message)).toEqual([
      `Roster cannot read the backup folder: ${folder} is not a folder.`,
      expect.stringMatching(/^The last backup failed \(.+\): Roster cannot create the backup folder .+: a file is in the way\.$/),
    ]);
    expect(t.roster.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'backup_failed'").pluck().get()).toBe(1);
    t.clock.advance(30 * 60_000);
    await t.roster.backupSchedule!.tick();
    expect(t.roster.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'backup_failed'").pluck().get()).toBe(1); // waited
    fs.rmSync(folder);
    t.clock.advance(31 * 60_000);
    await t.roster.backupSchedule!.tick();
    const after = await (await signedInAdmin(t)).ok('getBackups', {});
    expect(after.backups.filter((b) => b.kind === 'auto')).toHaveLength(1);
    expect(after.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
  });

  it('do not run when turned off', async () => {
    const t = await startTestRoster({ scheduleBackups: true });
    const admin = await t.admin();
    await admin.ok('saveBackupSettings', { automatic: false, intervalHours: 24, keep: 7, folder: '' });
    t.clock.advance(100 * HOUR_MS);
    await t.roster.backupSchedule!.tick();
    expect(fs.existsSync(backupsDir(t.dataDir))).toBe(false);
    expect((await (await signedInAdmin(t)).ok('getBackups', {})).warnings.map((w) => w.severity)).toContain('info');
  });
});
