import { describe, expect, it } from 'vitest';
import type { BackupEntry, BackupSettings } from '../../../common/backups.ts';
import { judge, schemaObjectsAt, type FileFacts } from '../../../main/core/backups/backup-check.ts';
import { backupFileName, backupsToPrune, parseBackupName } from '../../../main/core/backups/backup-names.ts';
import { automaticBackupDue, backupWarnings, HOUR_MS, type WarningFacts } from '../../../main/core/backups/backup-policy.ts';
import { LATEST_VERSION } from '../../../main/core/db/migrations.ts';

const T = Date.UTC(2026, 4, 17, 8, 5, 9, 42);

describe('backup file names', () => {
  it('carry the UTC date and time, the schema version and the kind, and read back the same', () => {
    expect(backupFileName(T, 2, 'auto')).toBe('roster-2026-05-17_08-05-09-042Z-schema2-auto.db');
    expect(backupFileName(T, 2, 'manual', 2)).toBe('roster-2026-05-17_08-05-09-042Z-schema2-manual-2.db');
    for (const kind of ['auto', 'manual', 'before-restore'] as const) {
      expect(parseBackupName(backupFileName(T, 7, kind, 1))).toEqual({ fileName: backupFileName(T, 7, kind, 1), takenAt: T, schemaVersion: 7, kind });
    }
  });

  it.each(['roster.db', 'roster-2026-05-17_08-05-09-042Z-schema2-weekly.db', 'roster-2026-02-31_08-05-09-042Z-schema2-auto.db', 'notes.txt', 'roster-2026-05-17_08-05-09-042Z-schema2-auto.db.check.json'])(
    'ignore other files: %s',
    (name) => expect(parseBackupName(name)).toBeNull(),
  );
});

describe('retention', () => {
  const b = (hour: number, kind: 'auto' | 'manual' | 'before-restore') => ({ takenAt: T + hour * HOUR_MS, fileName: backupFileName(T + hour * HOUR_MS, 2, kind), kind });
  it.each([
    [3, [b(0, 'auto'), b(1, 'auto'), b(2, 'manual'), b(3, 'auto'), b(4, 'auto')], [b(0, 'auto')]],
    [1, [b(0, 'auto'), b(1, 'before-restore'), b(2, 'auto')], [b(0, 'auto')]],
    [7, [b(0, 'auto'), b(1, 'auto')], []],
    [2, [b(0, 'manual'), b(1, 'manual'), b(2, 'manual')], []],
  ])('keeping %i deletes only the oldest automatic backups beyond it', (keep, backups, pruned) => {
    expect(backupsToPrune(backups, keep)).toEqual(pruned);
  });
});

describe('when an automatic backup is due', () => {
  const settings: BackupSettings = { automatic: true, intervalHours: 24, keep: 7, folder: '' };
  it.each([
    ['no backup yet', { newestAt: null }, true],
    ['the newest is 23 h old', { newestAt: T - 23 * HOUR_MS }, false],
    ['the newest is 24 h old', { newestAt: T - 24 * HOUR_MS }, true],
    ['automatic backups are off', { newestAt: null, settings: { ...settings, automatic: false } }, false],
    ['nobody to save yet', { newestAt: null, hasPeople: false }, false],
    ['the last try failed 10 minutes ago', { newestAt: null, lastFailureAt: T - 10 * 60_000 }, false],
    ['the last try failed an hour ago', { newestAt: null, lastFailureAt: T - HOUR_MS }, true],
    ['an hourly schedule failed 59 minutes ago', { newestAt: null, lastFailureAt: T - 59 * 60_000, settings: { ...settings, intervalHours: 1 } }, false],
  ] as const)('%s', (_what, facts, due) => {
    expect(automaticBackupDue({ settings, lastFailureAt: null, hasPeople: true, now: T, ...facts })).toBe(due);
  });
});

describe('warnings on the Backups page', () => {
  const settings: BackupSettings = { automatic: true, intervalHours: 24, keep: 7, folder: '' };
  const entry = (ageHours: number, integrity: BackupEntry['integrity'] = 'ok'): BackupEntry => ({
    path: '/b/x.db',
    fileName: 'x.db',
    kind: 'auto',
    takenAt: new Date(T - ageHours * HOUR_MS).toISOString(),
    schemaVersion: 2,
    sizeBytes: 1,
    people: 1,
    integrity,
    integrityDetail: integrity === 'ok' ? null : 'broken pages',
    checkedAt: null,
  });
  const base = { settings, status: { lastFailure: null, interruptedRestore: null }, folderProblem: null, hasPeople: true, now: T, formatTime: () => 'then' };
  it.each<[string, Partial<WarningFacts>, string[]]>([
    ['a fresh backup', { backups: [entry(20)] }, []],
    ['no backup at all', { backups: [] }, ['warning: There is no backup yet.']],
    ['the newest older than twice the interval', { backups: [entry(49)] }, ['warning: The newest backup is from then, more than twice the backup interval ago.']],
    ['the newest 47 h old', { backups: [entry(47)] }, []],
    ['a failed last backup', { backups: [entry(1)], status: { lastFailure: { at: T, message: 'disk full' }, interruptedRestore: null } }, ['error: The last backup failed (then): disk full']],
    ['a damaged newest backup', { backups: [entry(1, 'damaged')] }, ['error: The newest backup failed its integrity check: broken pages']],
    ['automatic backups off', { backups: [entry(1)], settings: { ...settings, automatic: false } }, ['info: Automatic backups are off. Only the backups you make yourself are kept.']],
    ['an unreadable folder', { backups: [], folderProblem: 'EACCES' }, ['error: Roster cannot read the backup folder: EACCES']],
  ])('%s', (_what, facts, expected) => {
    const warnings = backupWarnings({ ...base, backups: [], ...facts });
    expect(warnings.map((w) => `${w.severity}: ${w.message}`)).toEqual(expected);
  });
});

describe('judging a file', () => {
  const roster: FileFacts = {
    sqlite: true,
    userVersion: LATEST_VERSION,
    objects: [...schemaObjectsAt(LATEST_VERSION)],
    integrity: ['ok'],
    people: 3,
    activeAdmins: 1,
    newestAudit: { at: 1, action: 'sign_in' },
  };
  it.each<[string, FileFacts, string]>([
    ['a sound Roster database', roster, 'ok'],
    ['not SQLite', { sqlite: false }, 'NOT_A_ROSTER_DATABASE'],
    ['no schema version', { ...roster, userVersion: 0 }, 'NOT_A_ROSTER_DATABASE'],
    ['a missing table', { ...roster, objects: roster.objects!.filter((o) => o !== 'table:audit_log') }, 'NOT_A_ROSTER_DATABASE'],
    ['a newer schema', { ...roster, userVersion: LATEST_VERSION + 1 }, 'BACKUP_TOO_NEW'],
    ['integrity problems', { ...roster, integrity: ['row 5 missing from index users_by_email'] }, 'BACKUP_DAMAGED'],
    ['unreadable pages', { sqlite: true, error: 'database disk image is malformed' }, 'BACKUP_DAMAGED'],
  ])('%s', (_what, facts, verdict) => {
    const j = judge(facts, LATEST_VERSION);
    expect(j.ok ? 'ok' : j.code).toBe(verdict);
  });

  it('knows the schema each version has, from the migrations', () => {
    expect(schemaObjectsAt(1).has('table:users')).toBe(true);
    expect(schemaObjectsAt(1).has('table:users_fts')).toBe(false);
    expect(schemaObjectsAt(2).has('table:users_fts')).toBe(true);
    expect(schemaObjectsAt(2).has('trigger:users_count_insert')).toBe(true);
    const dropped = schemaObjectsAt(3, [
      { version: 1, description: '', sql: 'CREATE TABLE a (x); CREATE INDEX a_x ON a(x);' },
      { version: 3, description: '', sql: 'DROP INDEX IF EXISTS a_x; -- CREATE TABLE not_really (x)' },
    ]);
    expect([...dropped]).toEqual(['table:a']);
  });
});
