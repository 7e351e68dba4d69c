// Shared steps for the People tests: add someone, sign them in.
import { expect } from 'vitest';
import type { Person } from '../../../common/contract.ts';
import type { Caller, TestRoster } from '../harness.ts';

export const NEW_PASSWORD = 'umbrella tangerine voyage';

export async function addPerson(admin: Caller, firstName: string, email = `${firstName.toLowerCase()}@example.org`) {
  const { person, delivery } = await admin.ok('addPerson', { firstName, lastName: 'Tester', email });
  if (delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
  return { person, temporaryPassword: delivery.temporaryPassword };
}

/** Adds a person and signs them in with a password of their own; returns their caller. */
export async function addSignedInPerson(t: TestRoster, admin: Caller, firstName: string): Promise<{ person: Person; caller: Caller }> {
  const { person, temporaryPassword } = await addPerson(admin, firstName);
  const caller = t.caller();
  await caller.ok('signIn', { email: person.email, password: temporaryPassword });
  await caller.ok('chooseNewPassword', { newPassword: NEW_PASSWORD });
  return { person, caller };
}

export async function makeAdmin(admin: Caller, person: Person) {
  const updated = await admin.ok('setRole', { id: person.id, role: 'admin', expectedRole: person.role });
  expect(updated.role).toBe('admin');
  return updated;
}

export function auditActions(t: TestRoster, targetId: number): string[] {
  return (t.roster.db.prepare('SELECT action FROM audit_log WHERE target_id = ? ORDER BY id').pluck().all(targetId) as string[]);
}
