// One-time codes at rest (Trust 9): an HMAC keyed by a secret kept outside the database, so a copy of roster.db
// or of a backup alone cannot be used to guess them offline; codes stored before that keep working until they expire.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../main/core/auth/secrets.ts';
import { emailWorld, invited, NEW_PASSWORD, BOB } from './email-harness.ts';

const normalized = (code: string) => code.replace('-', '');

describe('Trust 9: one-time codes are stored as an HMAC keyed by a local secret', () => {
  it('the stored value is not a bare SHA-256 of the code, but an HMAC under the owner-only key file beside the database', async () => {
    const world = await emailWorld();
    const { code } = await invited(world);
    const stored = world.t.roster.db.prepare<[], string>('SELECT code_hash FROM one_time_codes').pluck().get()!;
    expect(stored).not.toBe(sha256(normalized(code)));
    const keyFile = path.join(world.t.dataDir, 'codes.key');
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    expect(stored).toBe(`hmac:${createHmac('sha256', fs.readFileSync(keyFile)).update(normalized(code)).digest('hex')}`);
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it('a code stored before the upgrade (bare SHA-256) still redeems until it expires', async () => {
    const world = await emailWorld();
    const { id, code } = await invited(world);
    world.t.roster.db.prepare('UPDATE one_time_codes SET code_hash = ? WHERE user_id = ?').run(sha256(normalized(code)), id);
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code: '00000-00000', newPassword: NEW_PASSWORD })).toMatchObject({ ok: false });
    expect(await world.t.caller().call('redeemCode', { email: BOB.email, code, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
  });
});
