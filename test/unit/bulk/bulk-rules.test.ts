// The bulk rules as a table: for each action and kind of person, change, leave as is, or skip with the reason; the
// set-wide last-admin rule; and whom Undo may still revert.
import { describe, expect, it } from 'vitest';
import type { BulkAction } from '../../../common/bulk.ts';
import { planBulk, stillAsLeft, type Candidate, type Verdict } from '../../../main/core/bulk/bulk-rules.ts';

const ME = 1;
const person = (id: number, over: Partial<Candidate> = {}): Candidate => ({ id, role: 'user', isActive: true, hasPassword: true, ...over });
const KINDS: Record<string, Candidate> = {
  'an active user': person(10),
  'an invited user': person(11, { hasPassword: false }),
  'a deactivated user': person(12, { isActive: false }),
  'another active admin': person(13, { role: 'admin' }),
  'a deactivated admin': person(14, { role: 'admin', isActive: false }),
  'an invited admin': person(15, { role: 'admin', hasPassword: false }),
  'a deactivated invited user': person(16, { isActive: false, hasPassword: false }),
  'the acting admin': person(ME, { role: 'admin' }),
};
/** A count of admins who can sign in, as the database gives it: up to what is asked. */
const admins = (n: number) => (upTo: number) => Math.min(n, upTo);
const change: Verdict = { kind: 'change' };
const unchanged: Verdict = { kind: 'unchanged' };
const skip = (reason: 'self' | 'deactivated' | 'lastAdmin' | 'notInvited'): Verdict => ({ kind: 'skip', reason });

const TABLE: [BulkAction, string, Verdict][] = [
  ['deactivate', 'an active user', change],
  ['deactivate', 'an invited user', change],
  ['deactivate', 'a deactivated user', unchanged],
  ['deactivate', 'another active admin', change],
  ['deactivate', 'the acting admin', skip('self')],
  ['reactivate', 'a deactivated user', change],
  ['reactivate', 'a deactivated admin', change],
  ['reactivate', 'an active user', unchanged],
  ['reactivate', 'the acting admin', unchanged],
  ['makeUser', 'another active admin', change],
  ['makeUser', 'an active user', unchanged],
  ['makeUser', 'a deactivated admin', skip('deactivated')],
  ['makeUser', 'the acting admin', skip('self')],
  ['makeAdmin', 'an active user', change],
  ['makeAdmin', 'an invited user', change],
  ['makeAdmin', 'a deactivated user', skip('deactivated')],
  ['makeAdmin', 'another active admin', unchanged],
  ['makeAdmin', 'the acting admin', unchanged],
  ['resendInvites', 'an invited user', change],
  ['resendInvites', 'an invited admin', change],
  ['resendInvites', 'an active user', skip('notInvited')],
  ['resendInvites', 'another active admin', skip('notInvited')],
  ['resendInvites', 'the acting admin', skip('notInvited')],
  ['resendInvites', 'a deactivated invited user', skip('deactivated')],
  ['resendInvites', 'a deactivated user', skip('deactivated')],
  ['signOutEverywhere', 'an active user', change],
  ['signOutEverywhere', 'the acting admin', skip('self')],
];

describe('bulk rules', () => {
  it.each(TABLE)('%s of %s: %o', (action, kind, verdict) => {
    expect(planBulk([KINDS[kind]!], action, { actorId: ME, activeAdmins: admins(5) })).toEqual([verdict]);
  });

  it('an admin deactivating or demoting every admin keeps their own role: the self rule keeps one', () => {
    const everyAdmin = [person(ME, { role: 'admin' }), person(2, { role: 'admin' }), person(3, { role: 'admin' })];
    for (const action of ['deactivate', 'makeUser'] as const) {
      expect(planBulk(everyAdmin, action, { actorId: ME, activeAdmins: admins(3) })).toEqual([skip('self'), change, change]);
    }
  });

  it('Roster itself (no acting person) removing every admin skips the last one as the last admin', () => {
    const twoAdminsAndAUser = [person(2, { role: 'admin' }), person(3, { role: 'admin' }), person(4)];
    expect(planBulk(twoAdminsAndAUser, 'deactivate', { actorId: null, activeAdmins: admins(2) })).toEqual([change, skip('lastAdmin'), change]);
    // With an admin outside the selection, all selected admins can go.
    expect(planBulk(twoAdminsAndAUser, 'deactivate', { actorId: null, activeAdmins: admins(3) })).toEqual([change, change, change]);
  });

  it('an invited admin (no password) is no admin who can sign in: removing them never trips the last-admin rule', () => {
    const invitedAdmin = person(2, { role: 'admin', hasPassword: false });
    expect(planBulk([invitedAdmin], 'deactivate', { actorId: null, activeAdmins: admins(1) })).toEqual([change]);
  });

  it('Undo reverts only people still exactly as the action left them, untouched since', () => {
    const at = 1000;
    const left = { ...person(5, { isActive: false }), updatedAt: at };
    expect(stillAsLeft(left, 'deactivate', at)).toBe(true);
    expect(stillAsLeft({ ...left, updatedAt: at + 1 }, 'deactivate', at)).toBe(false); // edited since
    expect(stillAsLeft({ ...left, isActive: true }, 'deactivate', at)).toBe(false); // reactivated since
    expect(stillAsLeft({ ...person(6, { role: 'admin' }), updatedAt: at }, 'makeAdmin', at)).toBe(true);
    expect(stillAsLeft({ ...person(6, { role: 'user' }), updatedAt: at }, 'makeAdmin', at)).toBe(false);
  });
});
