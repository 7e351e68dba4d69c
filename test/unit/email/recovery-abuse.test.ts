// Anonymous callers cannot break recovery for real people (Trust 6): the app-wide cap answers as always, wrong
// guesses slow the guesser instead of destroying the invite, and "forgot password" leaves an invite alone.
import { describe, expect, it } from 'vitest';
import { MAX_CODE_ATTEMPTS } from '../../../main/core/email/one-time-codes.ts';
import { auditDetails, BOB, emailWorld, invited, NEW_PASSWORD, withBob } from './email-harness.ts';

const SECOND = 1000;

function wrongCodeFor(code: string) {
  return code.startsWith('0') ? '11111-11111' : '00000-00000';
}

describe('Trust 6a: the app-wide forgot-password cap', () => {
  it('past the cap a real person gets the usual answer, nothing is sent, and the flood is one audit row', async () => {
    const world = await emailWorld();
    const { t, sink } = world;
    await withBob(world);
    for (let i = 0; i < 50; i++) await t.caller().ok('requestPasswordReset', { email: `nobody${i}@example.org` });
    expect(await t.caller().call('requestPasswordReset', { email: BOB.email })).toEqual({ ok: true, value: { emailConfigured: true } });
    expect(await t.caller().call('requestPasswordReset', { email: 'someone-else@example.org' })).toEqual({ ok: true, value: { emailConfigured: true } });
    expect(auditDetails(t, 'reset_requested').filter((d) => d.reason === 'app_cap')).toEqual([{ sent: false, reason: 'app_cap' }]);
    expect(t.roster.db.prepare("SELECT repeats FROM audit_log WHERE action = 'reset_requested' AND repeats IS NOT NULL").pluck().all()).toEqual([2]);
    await t.roster.close(); // waits for background sends
    expect(sink.messages.filter((m) => m.to.includes(BOB.email))).toHaveLength(0);
  });
});

describe('Trust 6b: wrong code guesses slow the guesser, not the person', () => {
  it('five wrong guesses leave a live invite code working', async () => {
    const world = await emailWorld();
    const { id, code } = await invited(world);
    for (let i = 0; i < 5; i++) {
      expect(await world.t.caller().call('redeemCode', { email: BOB.email, code: wrongCodeFor(code), newPassword: NEW_PASSWORD })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CODE' },
      });
    }
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true, value: { userId: id } });
  });

  it('past 10 wrong guesses for an address, each further try waits longer (known or unknown address alike)', async () => {
    const world = await emailWorld();
    const { t } = world;
    const { code } = await invited(world);
    for (const email of [BOB.email, 'nobody@example.org']) {
      for (let i = 0; i < 10; i++) await t.caller().call('redeemCode', { email, code: wrongCodeFor(code), newPassword: NEW_PASSWORD });
      expect(await t.caller().call('redeemCode', { email, code, newPassword: NEW_PASSWORD })).toMatchObject({
        ok: false,
        error: { code: 'THROTTLED', retryAfterSeconds: 15 },
      });
    }
    t.clock.advance(15 * SECOND);
    expect(await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(auditDetails(t, 'code_redeem_locked')).toHaveLength(2); // one row per address, however many tries
  });

  it(`a code dies only after ${MAX_CODE_ATTEMPTS} wrong guesses, and the admin sees when`, async () => {
    const world = await emailWorld();
    const { t, admin } = world;
    const { id, code } = await invited(world);
    expect(await admin.ok('inviteStatus', { id })).toMatchObject({ lockedAt: null, wrongGuesses: 0 });
    // Weeks of guessing at the back-off's pace, short of the last one.
    t.roster.db.prepare('UPDATE one_time_codes SET failed_attempts = ? WHERE user_id = ?').run(MAX_CODE_ATTEMPTS - 1, id);
    await t.caller().call('redeemCode', { email: BOB.email, code: wrongCodeFor(code), newPassword: NEW_PASSWORD });
    expect(await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    const status = await admin.ok('inviteStatus', { id });
    expect(status).toMatchObject({ lockedAt: new Date(t.clock.now()).toISOString(), wrongGuesses: MAX_CODE_ATTEMPTS });
    expect(auditDetails(t, 'code_locked')).toEqual([{ purpose: 'invite', wrongGuesses: MAX_CODE_ATTEMPTS }]);
    // Resend gives a working code again.
    await admin.ok('resendInvite', { id });
    expect(await admin.ok('inviteStatus', { id })).toMatchObject({ lockedAt: null, wrongGuesses: 0 });
  });
});

describe('inviteStatus', () => {
  it('answers only for an invited person, and refuses bad input with a typed error', async () => {
    const world = await emailWorld();
    const { id } = await invited(world);
    expect(await world.admin.ok('inviteStatus', { id })).toMatchObject({ sentAt: expect.any(String), expiresAt: expect.any(String), lockedAt: null });
    const me = await world.admin.ok('getMe', {});
    expect(await world.admin.call('inviteStatus', { id: me.userId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await world.admin.call('inviteStatus', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const payload of [{}, { id: -1 }, { id: '1' }, { id: 1, extra: true }, null]) {
      expect(await world.admin.raw('inviteStatus', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await world.t.caller().call('inviteStatus', { id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('Trust 6c: "forgot password" for an invited person', () => {
  it('gives the usual answer and leaves the invite alone', async () => {
    const world = await emailWorld();
    const { t, sink } = world;
    const { code } = await invited(world);
    expect(await t.caller().call('requestPasswordReset', { email: BOB.email })).toEqual({ ok: true, value: { emailConfigured: true } });
    expect(await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
    await t.roster.close();
    expect(sink.messages.filter((m) => m.subject.includes('reset'))).toHaveLength(0);
  });
});
