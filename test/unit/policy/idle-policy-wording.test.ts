// How Activity words the idle policy's entries: Roster itself acting (no person), named "Roster (policy)", with the
// days; an admin's change of the policy, with before → after.
import { describe, expect, it } from 'vitest';
import { describeEntry, systemActor } from '../../../common/activity-wording.ts';
import type { ActivityEntry } from '../../../common/activity.ts';

const ada = { id: 1, name: 'Ada Admin', email: 'ada@example.org' };
const kim = { id: 2, name: 'Kim Idle', email: 'kim@example.org' };
const entry = (action: ActivityEntry['action'], details: Record<string, unknown>, actor: typeof ada | null, target: typeof kim | null = null) => ({ action, actor, target, details, repeats: null });

describe('the idle policy in Activity', () => {
  it.each([
    [entry('person_deactivated', { policy: 'idle', days: 90 }, null, kim), 'Roster (policy) deactivated Kim Idle: no sign-in for 90 days'],
    [entry('person_deactivated', {}, ada, kim), 'Ada Admin deactivated Kim Idle'],
    [entry('idle_policy_run', { policy: 'idle', days: 365, deactivated: 1200 }, null), 'Roster (policy) deactivated 1,200 people with no sign-in for 365 days'],
    [entry('idle_policy_run', { policy: 'idle', days: 30, deactivated: 1, judgedAt: '2026-01-01T00:00:00.000Z' }, null), 'Roster (policy) deactivated 1 person with no sign-in for 30 days'],
    [entry('idle_policy_saved', { enabled: true, days: 90, changes: { enabled: { from: false, to: true } } }, ada), 'Ada Admin turned on the automatic deactivation of accounts with no sign-in for 90 days'],
    [entry('idle_policy_saved', { enabled: true, days: 120, changes: { days: { from: 90, to: 120 } } }, ada), 'Ada Admin changed the automatic deactivation to accounts with no sign-in for 120 days'],
    [entry('idle_policy_saved', { enabled: false, days: 90, changes: { enabled: { from: true, to: false } } }, ada), 'Ada Admin turned off the automatic deactivation of idle accounts'],
  ])('reads %j as "%s"', (e, sentence) => {
    expect(describeEntry(e).sentence).toBe(sentence);
  });

  it('lists the change of a setting as before → after', () => {
    expect(describeEntry(entry('idle_policy_saved', { enabled: true, days: 120, changes: { enabled: { from: false, to: true }, days: { from: 180, to: 120 } } }, ada)).changes).toEqual([
      { label: 'Deactivate idle accounts', from: 'off', to: 'on' },
      { label: 'After no sign-in for (days)', from: '180', to: '120' },
    ]);
  });

  it('names Roster (policy) as who did it only for the policy’s own entries without a person', () => {
    expect(systemActor(entry('person_deactivated', { policy: 'idle', days: 90 }, null, kim))).toBe('Roster (policy)');
    expect(systemActor(entry('person_deactivated', { policy: 'idle', days: 90 }, ada, kim))).toBeNull();
    expect(systemActor(entry('backup_created', { kind: 'auto' }, null))).toBeNull();
  });
});
