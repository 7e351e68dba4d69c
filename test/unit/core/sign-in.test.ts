import { describe, expect, it } from 'vitest';
import { WorkerPasswordHasher, type PasswordHasher } from '../../../main/core/auth/password-hasher.ts';
import { commonPasswordList } from '../../../main/core/auth/password-policy.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster } from '../harness.ts';

/** Records which hashes sign-in compares against, so the unknown-email path can be observed. */
class SpyHasher implements PasswordHasher {
  readonly verified: string[] = [];
  private readonly real = new WorkerPasswordHasher(4);
  hash(p: string) {
    return this.real.hash(p);
  }
  verify(p: string, h: string) {
    this.verified.push(h);
    return this.real.verify(p, h);
  }
  close() {
    return this.real.close();
  }
}

describe('signing in', () => {
  it('signs in with the right email (any case, spaces trimmed) and password, and records the login', async () => {
    const t = await startTestRoster();
    await t.admin();
    const c = t.caller();
    const session = await c.ok('signIn', { email: '  ADA@Example.org ', password: GOOD_PASSWORD });
    expect(session.email).toBe('ada@example.org');
    const row = t.roster.db.prepare('SELECT last_login_at FROM users WHERE id = ?').get(session.userId) as { last_login_at: number };
    expect(row.last_login_at).toBe(t.clock.now());
    expect(await c.ok('getMe', {})).toMatchObject({ userId: session.userId });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const t = await startTestRoster();
    await t.admin();
    const wrong = await t.caller().call('signIn', { email: ADMIN.email, password: 'not the password at all' });
    const unknown = await t.caller().call('signIn', { email: 'nobody@example.org', password: 'not the password at all' });
    expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Incorrect email or password.' } });
    expect(unknown).toEqual(wrong);
  });

  it('still runs a full bcrypt comparison for an unknown email (same timing)', async () => {
    const hasher = new SpyHasher();
    const t = await startTestRoster({ hasher });
    await t.admin();
    hasher.verified.length = 0;
    await t.caller().call('signIn', { email: 'nobody@example.org', password: 'whatever it is here' });
    expect(hasher.verified).toHaveLength(1);
    expect(hasher.verified[0]).toMatch(/^\$2[aby]\$04\$/); // a real hash of the configured cost
  });

  it('tells a deactivated person with the right password that their account is disabled', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person, delivery } = await admin.ok('addPerson', { firstName: 'Bob', lastName: 'Byrne', email: 'bob@example.org' });
    if (delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
    await admin.ok('deactivatePerson', { id: person.id });
    const result = await t.caller().call('signIn', { email: 'bob@example.org', password: delivery.temporaryPassword });
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED', message: 'Your account is disabled. Please contact your administrator.' } });
    const wrong = await t.caller().call('signIn', { email: 'bob@example.org', password: 'definitely wrong password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } }); // a wrong password reveals nothing
  });

  it('refuses further attempts after 10 failures in an hour, with growing waits, and says how long', async () => {
    const t = await startTestRoster();
    await t.admin();
    const c = t.caller();
    const attempt = () => c.call('signIn', { email: ADMIN.email, password: 'wrong password here' });
    for (let i = 0; i < 10; i++) expect(await attempt()).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    const locked = await c.call('signIn', { email: ADMIN.email, password: GOOD_PASSWORD }); // even the right password
    expect(locked).toMatchObject({ ok: false, error: { code: 'THROTTLED', retryAfterSeconds: 15 } });
    expect(!locked.ok && locked.error.message).toBe('Too many failed sign-in attempts. Try again in 15 seconds.');
    t.clock.advance(15_000);
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'THROTTLED', retryAfterSeconds: 43 } }); // 15 × 2^1.5
    t.clock.advance(43_000);
    expect(await c.call('signIn', { email: ADMIN.email, password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    // Success clears the count: ten more tries are free again.
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('throttles per email: another account is not affected', async () => {
    const t = await startTestRoster();
    await t.admin();
    for (let i = 0; i < 11; i++) await t.caller().call('signIn', { email: ADMIN.email, password: 'wrong password here' });
    const other = await t.caller().call('signIn', { email: 'someone@example.org', password: 'wrong password here' });
    expect(other).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('forgets failures older than an hour', async () => {
    const t = await startTestRoster();
    await t.admin();
    for (let i = 0; i < 10; i++) await t.caller().call('signIn', { email: ADMIN.email, password: 'wrong password here' });
    t.clock.advance(60 * 60 * 1000 + 1);
    expect(await t.caller().call('signIn', { email: ADMIN.email, password: GOOD_PASSWORD })).toMatchObject({ ok: true });
  });

  it('records sign-in successes, failures and locks in the audit log, never the password', async () => {
    const t = await startTestRoster();
    await t.admin();
    for (let i = 0; i < 11; i++) await t.caller().call('signIn', { email: ADMIN.email, password: 'wrong password here' });
    const rows = t.roster.db.prepare('SELECT action, details FROM audit_log').all() as { action: string; details: string }[];
    expect(rows.filter((r) => r.action === 'sign_in_failed')).toHaveLength(10);
    expect(rows.filter((r) => r.action === 'sign_in_locked')).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('wrong password here');
  });

  it('signing out ends the session', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await admin.ok('signOut', {});
    expect(await admin.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(admin.slot.get()).toBeUndefined();
  });

  it('sessions expire after 12 hours', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    t.clock.advance(12 * 60 * 60 * 1000 + 1);
    expect(await admin.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('passwords', () => {
  it('refuses passwords over 72 bytes, counting bytes not characters, instead of truncating', async () => {
    const t = await startTestRoster();
    const tooLong = 'é'.repeat(37); // 37 characters, 74 bytes
    const result = await t.caller().call('createFirstAdmin', { ...ADMIN, password: tooLong });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect(!result.ok && result.error.message).toMatch(/72 bytes/);
    const exactly72 = 'a-fine-passphrase-'.repeat(4); // 72 ASCII bytes
    expect(await t.caller().call('createFirstAdmin', { ...ADMIN, password: exactly72 })).toMatchObject({ ok: true });
  });

  it('refuses passwords shorter than 12 characters', async () => {
    const t = await startTestRoster();
    const result = await t.caller().call('createFirstAdmin', { ...ADMIN, password: 'short pass' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password', message: 'Use at least 12 characters.' } });
  });

  it('refuses common passwords from the shipped list (of over 10,000), whatever the case', async () => {
    expect((await commonPasswordList()).size).toBeGreaterThan(10_000);
    const t = await startTestRoster();
    const result = await t.caller().call('createFirstAdmin', { ...ADMIN, password: 'QAZWSXEDCRFV' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD', field: 'password' } });
    expect(!result.ok && result.error.message).toMatch(/commonly used/);
  });

  it('refuses easily guessed patterns, without composition rules', async () => {
    const t = await startTestRoster();
    for (const password of ['aaaaaaaaaaaaaaaa', 'abcdefghijklmnop', 'qwertyuiopasdfghjkl']) {
      const result = await t.caller().call('createFirstAdmin', { ...ADMIN, password });
      expect(result, password).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD', field: 'password' } });
    }
    // Lower-case words only, no digits or symbols: accepted.
    expect(await t.caller().call('createFirstAdmin', { ...ADMIN, password: 'marmalade orbit tundra' })).toMatchObject({ ok: true });
  });

  it('lets a person change their own password, ending their other sessions', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const otherWindow = t.caller();
    await otherWindow.ok('signIn', { email: ADMIN.email, password: GOOD_PASSWORD });
    const wrongCurrent = await admin.call('changePassword', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrongCurrent).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', field: 'currentPassword' } });
    await admin.ok('changePassword', { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase' });
    expect(await admin.call('getMe', {})).toMatchObject({ ok: true }); // this window stays signed in
    expect(await otherWindow.call('getMe', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller().call('signIn', { email: ADMIN.email, password: GOOD_PASSWORD })).toMatchObject({ ok: false });
    expect(await t.caller().call('signIn', { email: ADMIN.email, password: 'a brand new passphrase' })).toMatchObject({ ok: true });
  });
});
