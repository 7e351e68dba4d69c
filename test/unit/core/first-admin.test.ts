import { describe, expect, it } from 'vitest';
import { ADMIN, startTestRoster } from '../harness.ts';

describe('first run', () => {
  it('needs a first admin on an empty database', async () => {
    const t = await startTestRoster();
    const status = await t.caller().ok('getStatus', {});
    expect(status).toEqual({ needsFirstAdmin: true, session: null, emailConfigured: false });
  });

  it('creates the first admin and signs them in', async () => {
    const t = await startTestRoster();
    const c = t.caller();
    const session = await c.ok('createFirstAdmin', ADMIN);
    expect(session).toMatchObject({ firstName: 'Ada', role: 'admin', email: 'ada@example.org', mustChangePassword: false });
    expect(await c.ok('getStatus', {})).toMatchObject({ needsFirstAdmin: false, session: { userId: session.userId } });
  });

  it('refuses a second first admin once any account exists', async () => {
    const t = await startTestRoster();
    await t.admin();
    const result = await t.caller().call('createFirstAdmin', { ...ADMIN, email: 'eve@example.org' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    const count = t.roster.db.prepare('SELECT COUNT(*) FROM users').pluck().get();
    expect(count).toBe(1);
  });

  it('refuses a common password for the first admin, on the password field', async () => {
    const t = await startTestRoster();
    const result = await t.caller().call('createFirstAdmin', { ...ADMIN, password: 'password1234' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD', field: 'password' } });
  });
});
