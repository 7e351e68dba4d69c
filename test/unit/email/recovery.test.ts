import { describe, expect, it } from 'vitest';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { GOOD_PASSWORD } from '../harness.ts';
import { BOB, emailWorld, NEW_PASSWORD, withBob, type EmailWorld } from './email-harness.ts';

const MINUTE = 60 * 1000;

describe('forgot password', () => {
  it('gives the same answer for an existing and an unknown address, and sends only one email', async () => {
    const world = await emailWorld();
    const { t, sink } = world;
    await withBob(world);
    const known = await t.caller().call('requestPasswordReset', { email: BOB.email });
    const unknown = await t.caller().call('requestPasswordReset', { email: 'nobody@example.org' });
    expect(known).toEqual({ ok: true, value: { emailConfigured: true } });
    expect(unknown).toEqual(known);
    const mail = await sink.waitForMessage();
    expect(mail.to).toEqual([BOB.email]);
    expect(mail.text).toContain('If it wasn\'t you, ignore this email');
    await t.roster.close(); // waits for background sends: nothing more is on its way
    expect(sink.messages).toHaveLength(1);
  });

  it('says to contact an administrator when email is not set up', async () => {
    const { t } = await emailWorld({ configure: false });
    expect(await t.caller().ok('requestPasswordReset', { email: 'bob@example.org' })).toEqual({ emailConfigured: false });
  });

  it('ends every session of the person and keeps the password until the code is used', async () => {
    const world = await emailWorld();
    const { t, sink } = world;
    const { bob } = await withBob(world);
    await t.caller().ok('requestPasswordReset', { email: BOB.email });
    const code = codeIn(await sink.waitForMessage());
    expect(await t.caller().ok('signIn', { email: BOB.email, password: GOOD_PASSWORD })).toMatchObject({ email: BOB.email });
    const other = t.caller();
    await other.ok('signIn', { email: BOB.email, password: GOOD_PASSWORD });
    const fresh = t.caller();
    await fresh.ok('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD });
    expect(await bob.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await other.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await fresh.ok('getMe', {})).toMatchObject({ email: BOB.email });
  });

  it('throttles a flood for one address the same way whether or not it exists', async () => {
    const world = await emailWorld();
    const { t, sink } = world;
    await withBob(world);
    for (const email of [BOB.email, 'nobody@example.org']) {
      await t.caller().ok('requestPasswordReset', { email });
      const second = await t.caller().call('requestPasswordReset', { email });
      expect(second).toMatchObject({ ok: false, error: { code: 'THROTTLED', retryAfterSeconds: 30 } });
    }
    t.clock.advance(MINUTE);
    expect(await t.caller().call('requestPasswordReset', { email: BOB.email })).toMatchObject({ ok: true });
    await t.roster.close();
    expect(sink.messages.filter((m) => m.to.includes(BOB.email))).toHaveLength(2);
  });
});

describe('codes', () => {
  async function resetCode(world: EmailWorld): Promise<string> {
    await world.t.caller().ok('requestPasswordReset', { email: BOB.email });
    return codeIn(await world.sink.waitForMessage());
  }

  it('refuses an expired code (reset codes last 1 hour)', async () => {
    const world = await emailWorld();
    await withBob(world);
    const code = await resetCode(world);
    world.t.clock.advance(61 * MINUTE);
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
  });

  it('refuses a used code', async () => {
    const world = await emailWorld();
    await withBob(world);
    const code = await resetCode(world);
    await world.t.caller().ok('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD });
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: 'yet another long passphrase' })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
  });

  it('refuses codes of the wrong format without looking them up', async () => {
    const { t } = await emailWorld();
    for (const code of ['', 'ABCDE', 'ABCDE-1234U', 'ABCDE-12345-X', '!!!!!-?????']) {
      expect(await t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD }), code).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'code' } });
    }
  });

  it('gives the same answer for an unknown address', async () => {
    const { t } = await emailWorld();
    const result = await t.caller().call('redeemCode', { email: 'nobody@example.org', code: 'ABCDE-12345', newPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
  });

  it('accepts a code typed loosely: lower case, no dash, O for 0 and I/L for 1', async () => {
    const world = await emailWorld();
    await withBob(world);
    const code = await resetCode(world);
    const typed = code.replace('-', ' ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code: typed, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it('a new code invalidates the older one', async () => {
    const world = await emailWorld();
    await withBob(world);
    const first = await resetCode(world);
    world.t.clock.advance(MINUTE);
    await world.t.caller().ok('requestPasswordReset', { email: BOB.email });
    await world.sink.waitForMessage(() => world.sink.messages.length === 2);
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code: first, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code: codeIn(world.sink.messages[1]!), newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it('applies the password policy to the new password', async () => {
    const world = await emailWorld();
    await withBob(world);
    const code = await resetCode(world);
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: 'password1234' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD', field: 'newPassword' } });
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
  });
});
