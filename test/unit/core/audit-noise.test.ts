// Noise anyone can make does not flood the audit log, and what has expired does not pile up (Trust 7).
import { describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS } from '../../../main/core/auth/sessions.ts';
import { auditDetails, emailWorld, invited } from '../email/email-harness.ts';
import { ADMIN, startTestRoster } from '../harness.ts';

const HOUR = 60 * 60 * 1000;

describe('Trust 7: noise and leftovers', () => {
  it('300 throttled sign-ins write one audit row, with their count', async () => {
    const t = await startTestRoster();
    await t.admin();
    for (let i = 0; i < 10; i++) await t.caller().call('signIn', { email: ADMIN.email, password: 'wrong password here' });
    for (let i = 0; i < 300; i++) {
      expect(await t.caller().call('signIn', { email: ADMIN.email, password: 'wrong password here' })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    }
    expect(auditDetails(t, 'sign_in_locked')).toEqual([expect.objectContaining({ email: ADMIN.email })]);
    // The count lives beside the details (which the hash chain covers): it grows after the entry is written.
    expect(t.roster.db.prepare("SELECT repeats FROM audit_log WHERE action = 'sign_in_locked'").pluck().all()).toEqual([300]);
    expect(auditDetails(t, 'sign_in_failed')).toHaveLength(10);
  });

  it('expired sessions are pruned when a session starts, and at start', async () => {
    const t = await startTestRoster();
    await t.admin();
    const count = () => t.roster.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get();
    expect(count()).toBe(1);
    t.clock.advance(SESSION_LIFETIME_MS + 1);
    await t.caller().ok('signIn', { email: ADMIN.email, password: ADMIN.password });
    expect(count()).toBe(1);
    t.roster.db.prepare('UPDATE sessions SET expires_at = 0').run();
    await t.roster.close();
    const again = await startTestRoster({ dataDir: t.dataDir });
    expect(again.roster.db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('expired one-time codes are pruned when a code is issued', async () => {
    const world = await emailWorld();
    await invited(world, 'first@example.org');
    world.t.clock.advance(72 * HOUR + 1);
    await world.admin.ok('signIn', { email: ADMIN.email, password: ADMIN.password }); // 12-hour sessions
    await invited(world, 'second@example.org');
    expect(world.t.roster.db.prepare('SELECT COUNT(*) FROM one_time_codes').pluck().get()).toBe(1);
  });
});
