// Every kind of audit entry reads as a sentence, and the list of actions has one home: an action added to the table
// without words fails here (and does not compile). What people do in Roster reads back in Activity, without secrets.
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../common/activity.ts';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS } from '../../../common/audit-actions.ts';
import { describeEntry, WORDING } from '../../../common/activity-wording.ts';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { emailWorld } from '../email/email-harness.ts';
import { startTestRoster } from '../harness.ts';
import { addPerson } from '../people/helpers.ts';

const ada = { id: 1, name: 'Ada Admin', email: 'ada@example.org' };
const grace = { id: 2, name: 'Grace Hopper', email: 'grace@example.org' };
const entry = (action: ActivityEntry['action'], details: Record<string, unknown> = {}, extra: Partial<ActivityEntry> = {}) => ({
  action,
  actor: ada,
  target: grace,
  details,
  repeats: null,
  ...extra,
});

describe('the wording of Activity', () => {
  it.each(AUDIT_ACTION_NAMES)('%s has words, whatever details an old entry carries', (action) => {
    expect(typeof WORDING[action], `${action} has no wording in common/activity-wording.ts`).toBe('function');
    for (const e of [entry(action), entry(action, {}, { actor: null, target: null })]) {
      const { sentence } = describeEntry(e);
      expect(sentence.length).toBeGreaterThan(10);
      expect(sentence).not.toMatch(/undefined|\[object|NaN|null/);
    }
  });

  it('has a kind for every action and no wording for an action that does not exist', () => {
    expect(Object.keys(WORDING).sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });

  it.each([
    [entry('person_deactivated'), 'Ada Admin deactivated Grace Hopper'],
    [entry('person_edited', { changes: { email: { from: 'grace@old.test', to: 'grace@new.test' } }, sessionsEnded: 0 }), "Ada Admin changed Grace Hopper's email from grace@old.test to grace@new.test"],
    [entry('sign_in_failed', { email: 'grace@example.org' }, { actor: null, repeats: 12 }), 'Sign-in failed 12 times for grace@example.org'],
    [entry('role_changed', { from: 'user', to: 'admin' }), "Ada Admin changed Grace Hopper's role from User to Admin"],
    [entry('sign_in_locked', { email: 'grace@example.org', waitSeconds: 15 }, { actor: null, repeats: 300 }), 'Sign-in refused 300 times for grace@example.org: too many failed attempts'],
  ])('reads %j as "%s"', (e, sentence) => {
    expect(describeEntry(e).sentence).toBe(sentence);
  });

  it('lists before → after for every edit and setting change', () => {
    const edit = describeEntry(entry('person_edited', { changes: { firstName: { from: 'Grace', to: 'Gracie' }, lastName: { from: 'Hopper', to: 'Hop' } } }));
    expect(edit.changes).toEqual([
      { label: 'First name', from: 'Grace', to: 'Gracie' },
      { label: 'Last name', from: 'Hopper', to: 'Hop' },
    ]);
    const settings = describeEntry(entry('backup_settings_saved', { changes: { keep: { from: 7, to: 14 }, automatic: { from: true, to: false } } }));
    expect(settings.changes).toEqual([
      { label: 'Keep', from: '7', to: '14' },
      { label: 'Automatic backups', from: 'on', to: 'off' },
    ]);
  });
});

describe('what happens in Roster reads back in Activity', () => {
  it('People actions appear newest first, in words', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person } = await addPerson(admin, 'Grace');
    await admin.ok('editPerson', { id: person.id, firstName: 'Grace', lastName: 'Tester', email: 'grace@new.test' });
    await admin.ok('setRole', { id: person.id, role: 'admin', expectedRole: 'user' });
    await admin.ok('deactivatePerson', { id: person.id });
    const page = await admin.ok('listActivity', { pageSize: 25, personId: person.id });
    expect(page.entries.map((e) => describeEntry(e).sentence)).toEqual([
      'Ada Lovelace deactivated Grace Tester',
      "Ada Lovelace changed Grace Tester's role from User to Admin",
      "Ada Lovelace changed Grace Tester's email from grace@example.org to grace@new.test",
      // Names are today's; the address recorded is the one the person was added with.
      'Ada Lovelace added Grace Tester (grace@example.org), with a temporary password shown once',
    ]);
    expect(await admin.ok('countActivity', { personId: person.id })).toEqual({ total: 4 });
  });

  it('no temporary password, code or SMTP password ever reaches the log', async () => {
    const world = await emailWorld();
    const { t, admin, sink } = world;
    const secrets: string[] = [sink.settings().password];
    const { person } = await admin.ok('addPerson', { firstName: 'Bob', lastName: 'Marley', email: 'bob@example.org' });
    secrets.push(codeIn(await sink.waitForMessage((m) => m.to.includes('bob@example.org'))));
    await admin.ok('clearEmailSettings', {});
    const reset = await admin.ok('resetPassword', { id: person.id });
    if (reset.delivery.kind === 'temporaryPassword') secrets.push(reset.delivery.temporaryPassword);
    const { temporaryPassword } = await addPerson(admin, 'Tim');
    secrets.push(temporaryPassword);
    const log = JSON.stringify(t.roster.db.prepare('SELECT * FROM audit_log').all());
    expect(secrets.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    for (const secret of secrets.filter(Boolean)) expect(log).not.toContain(secret);
    const shown = JSON.stringify((await admin.ok('listActivity', { pageSize: 100 })).entries.map((e) => describeEntry(e)));
    for (const secret of secrets.filter(Boolean)) expect(shown).not.toContain(secret);
  });
});
