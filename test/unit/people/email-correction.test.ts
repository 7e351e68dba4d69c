// Correcting a person's email takes the old address's power away (Trust 4): codes sent there stop working, the
// person's sessions end, and an invited person gets a new invite at the new address.
import { describe, expect, it } from 'vitest';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { ADMIN, GOOD_PASSWORD } from '../harness.ts';
import { auditDetails, BOB, emailWorld, invited, NEW_PASSWORD, withBob } from '../email/email-harness.ts';

const DAN = { firstName: 'Dan', lastName: 'Brown' };

describe('Trust 4: correcting an email keeps none of the old address\'s power', () => {
  it('the invite code mailed to a typo address stops working; a new invite goes to the new address; the audit says both', async () => {
    const world = await emailWorld();
    const { t, sink, admin } = world;
    const { id, code: typoCode } = await invited(world, 'dan@typo.test');
    const edited = await admin.ok('editPerson', { id, ...DAN, email: 'dan@example.org' });

    expect(await t.caller().call('redeemCode', { email: 'dan@example.org', code: typoCode, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CODE' },
    });
    expect(edited).toMatchObject({ person: { email: 'dan@example.org', status: 'invited' }, invite: { kind: 'emailSent', to: 'dan@example.org' } });
    const fresh = codeIn(await sink.waitForMessage((m) => m.to.includes('dan@example.org')));
    expect(await t.caller().call('redeemCode', { email: 'dan@example.org', code: fresh, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });

    const [edit] = auditDetails(t, 'person_edited');
    expect(edit).toMatchObject({ changes: { email: { from: 'dan@typo.test', to: 'dan@example.org' } }, revokedForOldAddress: 1, newInviteTo: 'dan@example.org' });
    expect(auditDetails(t, 'invite_resent')).toEqual([{ to: 'dan@example.org' }]);
  });

  it("for an active person, the change ends their sessions and the reset code sent to the old address", async () => {
    const world = await emailWorld();
    const { t, sink, admin } = world;
    const { id, bob } = await withBob(world);
    await t.caller().ok('requestPasswordReset', { email: BOB.email });
    const resetCode = codeIn(await sink.waitForMessage());
    const edited = await admin.ok('editPerson', { id, firstName: BOB.firstName, lastName: BOB.lastName, email: 'bob@new.example.org' });
    expect(await bob.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller().call('redeemCode', { email: 'bob@new.example.org', code: resetCode, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CODE' },
    });
    expect(edited.invite).toBeNull();
    // His password still works, at the new address.
    expect(await t.caller().call('signIn', { email: 'bob@new.example.org', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    expect(auditDetails(t, 'person_edited')[0]).toMatchObject({ revokedForOldAddress: 1, sessionsEnded: 1, newInviteTo: null });
  });

  it('an admin correcting their own email stays signed in here and is signed out everywhere else', async () => {
    const { t, admin } = await emailWorld();
    const elsewhere = t.caller();
    await elsewhere.ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    const me = await admin.ok('getMe', {});
    await admin.ok('editPerson', { id: me.userId, firstName: ADMIN.firstName, lastName: ADMIN.lastName, email: 'ada@new.example.org' });
    expect(await admin.ok('getMe', {})).toMatchObject({ email: 'ada@new.example.org' });
    expect(await elsewhere.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

});
