// Temporary passwords expire (Trust 9): a week by default, the admin is told when one has, and a database made by
// the previous schema is upgraded without losing a pending invite or a handed-out temporary password.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../main/core/auth/secrets.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../main/core/db/migrations.ts';
import { openDatabase } from '../../../main/core/db/open-database.ts';
import { ManualClock } from '../../fixtures/manual-clock.ts';
import { NEW_PASSWORD } from '../email/email-harness.ts';
import { startTestRoster, tempDir } from '../harness.ts';

const DAY = 24 * 60 * 60 * 1000;
const GRACE = { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org' };

describe('Trust 9: temporary passwords expire', () => {
  it('a temporary password signs in for 7 days, then no longer, and the admin is told', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const added = await admin.ok('addPerson', GRACE);
    if (added.delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
    const password = added.delivery.temporaryPassword;
    const handedOut = t.clock.now();

    t.clock.advance(7 * DAY - 1000);
    expect(await t.caller().call('signIn', { email: GRACE.email, password })).toMatchObject({ ok: true });
    t.clock.advance(1000);
    expect(await t.caller().call('signIn', { email: GRACE.email, password })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_EXPIRED', message: 'Your temporary password has expired. Ask your administrator to reset your password.' },
    });
    // The admin was told when it would stop working, and the list shows it once it has.
    expect(added.delivery.expiresAt).toBe(new Date(handedOut + 7 * DAY).toISOString());
    expect(added.person.temporaryPasswordExpiresAt).toBe(added.delivery.expiresAt);
    // A wrong password still gets the usual answer: expiry is told only to whoever knows the password.
    expect(await t.caller().call('signIn', { email: GRACE.email, password: 'not it at all, sorry' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });

    await admin.ok('signIn', { email: 'ada@example.org', password: 'correct horse battery staple' }); // 12-hour sessions
    const listed = await admin.ok('listPeople', { tab: 'active', pageSize: 25, query: 'grace' });
    expect(Date.parse(listed.rows[0]!.temporaryPasswordExpiresAt!)).toBeLessThanOrEqual(t.clock.now());

    const reset = await admin.ok('resetPassword', { id: added.person.id });
    if (reset.delivery.kind !== 'temporaryPassword') throw new Error('expected a temporary password');
    const grace = t.caller();
    expect(await grace.call('signIn', { email: GRACE.email, password: reset.delivery.temporaryPassword })).toMatchObject({ ok: true });
    await grace.ok('chooseNewPassword', { newPassword: NEW_PASSWORD });
    const after = await admin.ok('listPeople', { tab: 'active', pageSize: 25, query: 'grace' });
    expect(after.rows[0]!.temporaryPasswordExpiresAt).toBeNull();
  });

  it('a database made by the previous schema is upgraded: temporary passwords get 7 days, a pending invite keeps working', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'roster.db');
    const clock = new ManualClock();
    const now = clock.now();
    const previous = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const insert = previous.prepare(
      `INSERT INTO users (first_name, last_name, email, role, password_hash, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('Temp', 'Holder', 'temp@example.org', 'user', '$2a$04$abcdefghijklmnopqrstuuWd0sUQjQ6Pn6O2RCnPGzK0Ez5yQm1Xy', 1, now, now);
    const dan = Number(insert.run('Dan', 'Invited', 'dan@example.org', 'user', null, 0, now, now).lastInsertRowid);
    previous
      .prepare('INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(dan, 'invite', sha256('ABCDE12345'), now, now + 72 * 60 * 60 * 1000);
    previous.close();

    const before = Date.now();
    const t = await startTestRoster({ dataDir, clock });
    // Upgraded to the newest schema (migration 3 and any after it), with the copy of the file as it was.
    expect(t.roster.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(fs.readdirSync(dataDir).some((f) => new RegExp(`^roster\\.db\\.before-v${LATEST_VERSION}-\\d+\\.bak$`).test(f))).toBe(true);
    const expires = t.roster.db.prepare('SELECT temporary_password_expires_at FROM users WHERE email = ?').pluck().get('temp@example.org') as number;
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 7 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    expect(t.roster.db.prepare('SELECT temporary_password_expires_at FROM users WHERE email = ?').pluck().get('dan@example.org')).toBeNull();
    expect(await t.caller().call('redeemCode', { email: 'dan@example.org', code: 'ABCDE-12345', newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
  });
});
