// The last active admin can never be deactivated or demoted, even when two admins act at the same moment.
import { describe, expect, it } from 'vitest';
import { WorkerPasswordHasher } from '../../../main/core/auth/password-hasher.ts';
import { Sessions } from '../../../main/core/auth/sessions.ts';
import { AuditRepo } from '../../../main/core/db/audit-repo.ts';
import { UsersRepo, type UserRow } from '../../../main/core/db/users-repo.ts';
import type { CallContext } from '../../../main/core/api/call-context.ts';
import { AppError } from '../../../main/core/errors.ts';
import { PeopleService } from '../../../main/core/services/people-service.ts';
import { MemorySessionSlot } from '../../../main/core/api/session-slot.ts';
import { startTestRoster, type TestRoster } from '../harness.ts';
import { addSignedInPerson, makeAdmin } from './helpers.ts';

/** Two admins, each already past the dispatcher's access check (as two windows whose calls arrive together). */
function pastTheCheck(t: TestRoster, user: UserRow): CallContext {
  return { slot: new MemorySessionSlot(), user, transaction: (change) => t.roster.db.transaction(change).immediate(), recheck: () => {} };
}

async function twoAdmins(t: TestRoster) {
  const admin = await t.admin();
  const { person: bee, caller: beeCaller } = await addSignedInPerson(t, admin, 'Bee');
  await makeAdmin(admin, bee);
  const users = new UsersRepo(t.roster.db);
  const ada = users.findByEmail('ada@example.org')!;
  const hasher = new WorkerPasswordHasher(4);
  const people = new PeopleService({
    db: t.roster.db,
    users,
    sessions: new Sessions(t.roster.db),
    audit: new AuditRepo(t.roster.db),
    hasher,
    clock: t.clock,
    revokeCodes: () => 0,
  });
  // Contexts that skip the dispatcher's second look at the caller, as if both calls had already passed it: the
  // last-admin rule must hold inside the write on its own.
  const ctx = (id: number) => pastTheCheck(t, users.get(id)!);
  const activeAdmins = () => users.countActiveAdmins();
  return { admin, beeCaller, people, adaCtx: ctx(ada.id), beeCtx: ctx(bee.id), ada, bee, activeAdmins, close: () => hasher.close() };
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
    await s.close();
  });

  it('two admins deactivating each other at once cannot leave zero admins', async () => {
    const t = await startTestRoster();
    const s = await twoAdmins(t);
    expect(codeOf(() => s.people.deactivate(s.bee.id, s.adaCtx))).toBeNull();
    expect(codeOf(() => s.people.deactivate(s.ada.id, s.beeCtx))).toBe('LAST_ADMIN');
    expect(s.activeAdmins()).toBe(1);
    await s.close();
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
    await s.close();
  });

  it('through the dispatcher, the demoted admin’s next call is refused outright', async () => {
    const t = await startTestRoster();
    const s = await twoAdmins(t);
    await s.admin.ok('setRole', { id: s.bee.id, role: 'user', expectedRole: 'admin' });
    const beeWindow = await signInAs(t, 'bee@example.org');
    expect(await beeWindow.call('setRole', { id: s.ada.id, role: 'user', expectedRole: 'admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(s.activeAdmins()).toBe(1);
    await s.close();
  });
});

async function signInAs(t: TestRoster, email: string) {
  const c = t.caller();
  await c.ok('signIn', { email, password: 'umbrella tangerine voyage' });
  return c;
}
