// The "session has ended" notice: main's UNAUTHENTICATED or PASSWORD_CHANGE_REQUIRED tells the app shell, which
// sends the admin to sign in with a notice; a restore's own notice is kept. No app, just the typed client.
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError, call, onSessionEnded } from '../../../renderer/src/api.ts';
import { noticeAfterSessionEnded, restoredNotice, SESSION_ENDED } from '../../../renderer/src/session-notice.ts';
import { installFakeRoster } from './fake-roster.ts';

let stopListening = () => {};
afterEach(() => stopListening());

describe('the typed client tells the shell when the session has ended', () => {
  test.each(['UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED'] as const)('%s ends the session and is thrown as an ApiError', async (code) => {
    installFakeRoster(() => ({ ok: false, error: { code, message: 'Sign in again.' } }));
    let ended = 0;
    stopListening = onSessionEnded(() => ended++);
    const failure = await call('listPeople', { tab: 'active', pageSize: 25 }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe(code);
    expect(ended).toBe(1);
  });

  test('any other refusal leaves the session alone', async () => {
    installFakeRoster(() => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Admins only.' } }));
    let ended = 0;
    stopListening = onSessionEnded(() => ended++);
    await expect(call('listPeople', { tab: 'active', pageSize: 25 })).rejects.toThrow('Admins only.');
    expect(ended).toBe(0);
  });

  test('a listener that stopped listening is not told', async () => {
    installFakeRoster(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in again.' } }));
    let ended = 0;
    onSessionEnded(() => ended++)();
    await call('getStatus', {}).catch(() => {});
    expect(ended).toBe(0);
  });
});

describe('the notice the sign-in page shows', () => {
  const restore = restoredNotice({ restoredFrom: 'roster-2026.db', savedCurrentAs: 'roster-before.db' });

  test('says the session has ended, replacing any older notice', () => {
    expect(noticeAfterSessionEnded(null)).toBe(SESSION_ENDED);
    expect(noticeAfterSessionEnded('Something older.')).toBe(SESSION_ENDED);
  });

  test("keeps a restore's notice, which says more (every call ends the session after a restore)", () => {
    expect(restore).toMatch(/^Roster was restored from roster-2026\.db\./);
    expect(noticeAfterSessionEnded(restore)).toBe(restore);
  });
});
