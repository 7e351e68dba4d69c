// Change password checks the current password; wrong ones count like failed sign-ins (Trust 8), so a borrowed
// or stolen session cannot be used to guess it freely.
import { describe, expect, it } from 'vitest';
import { auditDetails } from '../email/email-harness.ts';
import { ADMIN, startTestRoster } from '../harness.ts';

const NEXT = 'a new passphrase nobody guesses';

describe('Trust 8: changePassword is throttled', () => {
  it('wrong current passwords count like sign-in failures: after 10, even the right one must wait', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    for (let i = 0; i < 10; i++) {
      expect(await admin.call('changePassword', { currentPassword: `wrong guess ${i}`, newPassword: NEXT })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', field: 'currentPassword' },
      });
    }
    expect(await admin.call('changePassword', { currentPassword: ADMIN.password, newPassword: NEXT })).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED', retryAfterSeconds: 15 },
    });
    // The same count guards sign-in for that address.
    expect(await t.caller().call('signIn', { email: ADMIN.email, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    expect(auditDetails(t, 'password_change_failed')).toHaveLength(10);
    t.clock.advance(15_000);
    expect(await admin.call('changePassword', { currentPassword: ADMIN.password, newPassword: NEXT })).toMatchObject({ ok: true });
    // A success clears the count.
    expect(await t.caller().call('signIn', { email: ADMIN.email, password: NEXT })).toMatchObject({ ok: true });
  });
});
