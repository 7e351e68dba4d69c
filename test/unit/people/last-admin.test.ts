// The last active admin can never be deactivated or demoted, even when two admins act at the same moment. "Active"
// means able to sign in: an invited admin (no password yet) does not count.
import { describe, expect, it } from 'vitest';
import { Sessions } from '../../../main/core/auth/sessions.ts';
import { AuditRepo } from '../../../main/core/db/audit-repo.ts';
import { UsersRepo, type UserRow } from '../../../main/core/db/users-repo.ts';
import type { CallContext } from '../../../main/core/api/call-context.ts';
import { AppError } from '../../../main/core/errors.ts';
import { PeopleService } from '../../../main/core/services/people-service.ts';
import { MemorySessionSlot } from '../../../main/core/api/session-slot.ts';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { emailWorld } from '../email/email-harness.ts';
import { startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import { addSignedInPerson, makeAdmin } from './helpers.ts';

/** Two admins, each already past the dispatcher's access check (as two windows whose calls arrive together). */
function pastTheCheck(t: TestRoster, user: UserRow): CallContext {
  return { slot: new MemorySessionSlot(), user, transaction: (change) => t.roster.db.transaction(change).immediate(), recheck: () => {} };
}

/** Admins who can sign in, counted with plain SQL (not with the repository's own query). */
const countActiveAdmins = (t: TestRoster) =>
  t.roster.db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1 AND password_hash IS NOT NULL").pluck().get();

async function twoAdmins(t: TestRoster, existingAdmin?: Caller) {
  const admin = existingAdmin ?? (await t.admin());
  const { person: bee, caller: beeCaller } = await addSignedInPerson(t, admin, 'Bee');
  await makeAdmin(admin, bee);
  const users = new UsersRepo(t.roster.db);
  const ada = users.findByEmail('ada@example.org')!;
  const people = new PeopleService({
    db: t.roster.db,
    users,
    sessions: new Sessions(t.roster.db),
    audit: new AuditRepo(t.roster.db),
    clock: t.clock,
    revokeCodes: () => 0,
    throttle: { followEmail: () => {} },
  });
  // Contexts that skip the dispatcher's second look at the caller, as if both calls had already passed it: the
  // last-admin rule must hold inside the write on its own.
  const ctx = (id: number) => pastTheCheck(t, users.get(id)!);
  const activeAdmins = () => countActiveAdmins(t);
  return { admin, beeCaller, people, adaCtx: ctx(ada.id), beeCtx: ctx(bee.id), ada, bee, activeAdmins };
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe('the last active admin', () => {
  it('two admins demoting each other at once cannot leave zero admins', async () => {
    const t = await startTestRoster();
    const s = await twoAdmins(t);
    const first = codeOf(() => s.people.setRole({ id: s.bee.id, role: 'user', expectedRole: 'admin' }, s.adaCtx));
    const second = codeOf(() => s.people.setRole({ id: s.ada.id, role: 'user', expectedRole: 'admin' }, s.beeCtx));
    expect(first).toBeNull();
    expect(second).toBe('LAST_ADMIN');
    expect(s.activeAdmins()).toBe(1);
  });

  it('two admins deactivating each other at once cannot leave zero admins', async () => {
    const t = await startTestRoster();
    const s = await twoAdmins(t);
    expect(codeOf(() => s.people.deactivate(s.bee.id, s.adaCtx))).toBeNull();
    expect(codeOf(() => s.people.deactivate(s.ada.id, s.beeCtx))).toBe('LAST_ADMIN');
    expect(s.activeAdmins()).toBe(1);
  });

  it('a deactivated admin does not count: demoting the only active admin is refused', async () => {
    const t = await startTestRoster();
    const s = await twoAdmins(t);
    expect(codeOf(() => s.people.deactivate(s.ada.id, s.beeCtx))).toBeNull(); // Ada is now an inactive admin
    const third = await addSignedInPerson(t, await signInAs(t, 'bee@example.org'), 'Cy');
    await makeAdmin(await signInAs(t, 'bee@example.org'), third.person);
    // Cy demotes Bee: fine, Cy remains. Then Bee (still past the check) demotes Cy: last admin.
    const cyCtx = pastTheCheck(t, new UsersRepo(t.roster.db).get(third.person.id)!);
    expect(codeOf(() => s.people.setRole({ id: s.bee.id, role: 'user', expectedRole: 'admin' }, cyCtx))).toBeNull();
    expect(codeOf(() => s.people.setRole({ id: third.person.id, role: 'user', expectedRole: 'admin' }, s.beeCtx))).toBe('LAST_ADMIN');
    expect(s.activeAdmins()).toBe(1);
  });

  it('through the dispatcher, the demoted admin’s next call is refused outright', async () => {
    const t = await startTestRoster();
    const s = await twoAdmins(t);
    await s.admin.ok('setRole', { id: s.bee.id, role: 'user', expectedRole: 'admin' });
    const beeWindow = await signInAs(t, 'bee@example.org');
    expect(await beeWindow.call('setRole', { id: s.ada.id, role: 'user', expectedRole: 'admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(s.activeAdmins()).toBe(1);
  });
});

describe('an invited admin (no password yet) is not an active admin', () => {
  /** Ada and Bee, admins who can sign in, and Cy, invited by email and made an admin before accepting. */
  async function twoAdminsAndAnInvitedOne() {
    const { t, admin, sink } = await emailWorld({ configure: false });
    const setup = await twoAdmins(t, admin); // Bee gets a temporary password, then chooses her own
    await admin.ok('saveEmailSettings', sink.settings());
    const { person: cy } = await admin.ok('addPerson', { firstName: 'Cy', lastName: 'Invited', email: 'cy@example.org' });
    expect(cy.status).toBe('invited');
    await makeAdmin(admin, cy);
    return { t, sink, cy, ...setup };
  }

  it('two admins demoting each other at once cannot leave only an invited admin', async () => {
    const s = await twoAdminsAndAnInvitedOne();
    expect(codeOf(() => s.people.setRole({ id: s.bee.id, role: 'user', expectedRole: 'admin' }, s.adaCtx))).toBeNull();
    expect(codeOf(() => s.people.setRole({ id: s.ada.id, role: 'user', expectedRole: 'admin' }, s.beeCtx))).toBe('LAST_ADMIN');
    expect(s.activeAdmins()).toBe(1);
  });

  it('two admins deactivating each other at once cannot leave only an invited admin', async () => {
    const s = await twoAdminsAndAnInvitedOne();
    expect(codeOf(() => s.people.deactivate(s.bee.id, s.adaCtx))).toBeNull();
    expect(codeOf(() => s.people.deactivate(s.ada.id, s.beeCtx))).toBe('LAST_ADMIN');
    expect(s.activeAdmins()).toBe(1);
  });

  it('demoting or deactivating the invited admin is never refused as the last admin', async () => {
    const s = await twoAdminsAndAnInvitedOne();
    expect(codeOf(() => s.people.deactivate(s.bee.id, s.adaCtx))).toBeNull(); // Ada is the only admin who can sign in
    expect(await s.admin.call('setRole', { id: s.cy.id, role: 'user', expectedRole: 'admin' })).toMatchObject({ ok: true, value: { role: 'user' } });
    await makeAdmin(s.admin, s.cy);
    expect(await s.admin.call('revokeInvite', { id: s.cy.id })).toMatchObject({ ok: true, value: { status: 'deactivated' } });
    expect(s.activeAdmins()).toBe(1);
  });

  it('counts the invited admin once they accept the invite and sign in', async () => {
    const s = await twoAdminsAndAnInvitedOne();
    expect(s.activeAdmins()).toBe(2);
    const code = codeIn(await s.sink.waitForMessage((m) => m.to.includes('cy@example.org')));
    await s.t.caller().ok('redeemCode', { email: 'cy@example.org', code, newPassword: 'umbrella tangerine voyage' });
    expect(s.activeAdmins()).toBe(3);
  });
});

async function signInAs(t: TestRoster, email: string) {
  const c = t.caller();
  await c.ok('signIn', { email, password: 'umbrella tangerine voyage' });
  return c;
}
