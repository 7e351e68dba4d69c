// Withdrawing an invite: the code stops working and the account is kept, deactivated. (How invites are sent, and
// what happens when they cannot be, is in credential-delivery.test.ts.)
import { describe, expect, it } from 'vitest';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { auditActions, BOB, emailWorld, NEW_PASSWORD } from './email-harness.ts';

describe('revoking an invite', () => {
  it('Revoke invite: the code stops working and the person moves to Deactivated', async () => {
    const { t, sink, admin } = await emailWorld();
    const { person } = await admin.ok('addPerson', BOB);
    const code = codeIn(await sink.waitForMessage());
    expect(await admin.ok('revokeInvite', { id: person.id })).toMatchObject({ status: 'deactivated' });
    expect(await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(auditActions(t)).toContain('invite_revoked');
    expect(await admin.call('revokeInvite', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
