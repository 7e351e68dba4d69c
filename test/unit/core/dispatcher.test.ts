import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../common/method-names.ts';
import { readHeadRecord } from '../../../main/core/audit/audit-head-file.ts';
import { GOOD_PASSWORD, startTestRoster } from '../harness.ts';

describe('the dispatcher', () => {
  it('answers a signed-in call even when noting the session as seen cannot be written (the note is best effort)', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    t.clock.advance(5 * 60_000); // the session's last note is old enough to be written again
    const other = new Database(path.join(t.dataDir, 'roster.db'));
    try {
      t.roster.db.pragma('busy_timeout = 0'); // fail at once rather than wait for the lock below
      other.exec('BEGIN IMMEDIATE'); // another connection holds the write lock: the note cannot be written
      expect(await admin.raw('tabCounts', {})).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
  });

  it('answers an unknown method with a typed error', async () => {
    const t = await startTestRoster();
    expect(await t.caller().raw('dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await t.caller().raw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await t.caller().raw('toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('rejects malformed payloads with VALIDATION and names the field', async () => {
    const t = await startTestRoster();
    const c = t.caller();
    for (const payload of ['text', 42, [], true]) {
      expect(await c.raw('signIn', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await c.raw('signIn', { email: 'not-an-email', password: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'email' } });
    expect(await c.raw('signIn', { email: 'a@b.org', password: 'x', isAdmin: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('rejects oversized and unserialisable payloads with BAD_REQUEST', async () => {
    const t = await startTestRoster();
    const c = t.caller();
    expect(await c.raw('signIn', { email: 'a@b.org', password: 'x'.repeat(70_000) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await c.raw('signIn', cyclic)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await c.raw('signIn', { n: 10n })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  // Who may call which method is pinned, method by method, in access-policy.test.ts.

  it('lets a person who must choose a new password do nothing else', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { delivery } = await admin.ok('addPerson', { firstName: 'Ned', lastName: 'New', email: 'ned@example.org' });
    if (delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
    const ned = t.caller();
    const session = await ned.ok('signIn', { email: 'ned@example.org', password: delivery.temporaryPassword });
    expect(session.mustChangePassword).toBe(true);
    expect(await ned.call('changePassword', { currentPassword: delivery.temporaryPassword, newPassword: 'umbrella tangerine voyage' })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });
    expect(await ned.call('chooseNewPassword', { newPassword: delivery.temporaryPassword })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    const chosen = await ned.ok('chooseNewPassword', { newPassword: 'umbrella tangerine voyage' });
    expect(chosen.mustChangePassword).toBe(false);
    expect(await ned.call('getMe', {})).toMatchObject({ ok: true });
    expect(await t.caller().call('signIn', { email: 'ned@example.org', password: delivery.temporaryPassword })).toMatchObject({ ok: false });
  });

  it('never throws and always answers with a typed result, whatever arrives (fuzzed)', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES, 'nope'), fc.anything({ withBigInt: true, withNullPrototype: true }), async (method, payload) => {
        const result = await admin.raw(method, payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 300 },
    );
    // The database is intact and the admin can still sign in (the fuzz may have signed this caller out).
    expect(await t.caller().call('signIn', { email: 'ada@example.org', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    expect(t.roster.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('reports unexpected failures as INTERNAL without the payload', async () => {
    const errors: unknown[] = [];
    const t = await startTestRoster({ logError: (_m, e) => errors.push(e) });
    const admin = await t.admin();
    // The head record beside the database follows the log a moment after each entry (the sign-in's): let it catch
    // up before the log goes away, so the one failure reported is addPerson's.
    const newest = t.roster.db.prepare('SELECT MAX(id) FROM audit_log').pluck().get();
    await vi.waitFor(() => expect(readHeadRecord(t.dataDir)).toMatchObject({ state: 'present', record: { id: newest } }));
    t.roster.db.exec('ALTER TABLE audit_log RENAME TO audit_gone'); // any write that audits now fails unexpectedly
    const result = await admin.call('addPerson', { firstName: 'Zed', lastName: 'Zero', email: 'zed@example.org' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errors).toHaveLength(1);
    // One transaction per operation: the person was not half-added.
    expect(t.roster.db.prepare("SELECT COUNT(*) FROM users WHERE email = 'zed@example.org'").pluck().get()).toBe(0);
    expect(JSON.stringify(result)).not.toContain(GOOD_PASSWORD);
  });
});
