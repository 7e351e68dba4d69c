// With email set up, imported people are invited by email in the background after the import: progress, failures
// listed with the reason (their code revoked), sent again on retry, or a temporary password per failed row.
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core/api/call-context.ts';
import { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { InviteQueue, type InviteDeps } from '../../../main/core/email/invite-queue.ts';
import { codeIn } from '../../fixtures/smtp-sink.ts';
import { tempDir } from '../harness.ts';
import { HeldDelivery } from '../held-delivery.ts';
import { untilImport, waitingFile } from './import-helpers.ts';
import { emailWorld } from '../email/email-harness.ts';

async function world(silentServer = false) {
  const files = new ImportFiles(tempDir());
  const w = await emailWorld({ silentServer, roster: { importFiles: files, fileDelivery: new HeldDelivery() } });
  const importId = waitingFile(files, 'First name,Last name,Email\nMae,Jemison,mae@example.org\nSally,Ride,sally@example.org\n');
  await w.admin.ok('previewImport', { importId });
  return { ...w, importId };
}


describe('Import CSV invites by email', () => {
  it('each imported person gets an invite email whose code lets them choose a password', async () => {
    const { t, sink, admin, importId } = await world();
    expect(await admin.ok('confirmImport', { importId })).toMatchObject({ invites: { byEmail: true } });
    const done = await untilImport(admin, importId, (s) => s.phase === 'done');
    expect(done).toMatchObject({ added: 2, codes: 'none', invites: { byEmail: true, sent: 2, failed: [], pending: 0 } });
    const mail = await sink.waitForMessage((m) => m.to.includes('sally@example.org'));
    const sally = t.caller();
    await sally.ok('redeemCode', { email: 'sally@example.org', code: codeIn(mail), newPassword: 'a river runs through it quietly' });
    expect(await admin.call('importCodes', { importId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const sent = t.roster.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'invite_sent'").pluck().get();
    expect(sent).toBe(2);
  });

  it('failures are listed with the reason and their codes revoked; retry sends them; a failed row can get a temporary password', async () => {
    const { t, sink, admin, importId } = await world(true);
    sink.mode = 'slow'; // the server answers nothing: each send times out
    await admin.ok('confirmImport', { importId });
    const failed = await untilImport(admin, importId, (s) => s.phase === 'done');
    expect(failed.invites.sent).toBe(0);
    expect(failed.invites.failed.map((f) => f.email)).toEqual(['mae@example.org', 'sally@example.org']);
    expect(failed.invites.failed[0]!.reason).toMatch(/mail server/i);
    const live = t.roster.db.prepare('SELECT COUNT(*) FROM one_time_codes WHERE used_at IS NULL').pluck().get();
    expect(live).toBe(0);

    // A temporary password for Mae: shown once, must be changed at first sign-in.
    const mae = failed.invites.failed[0]!;
    const delivery = await admin.ok('importFallbackPassword', { importId, personId: mae.personId });
    expect(delivery).toMatchObject({ kind: 'temporaryPassword' });
    const maeCaller = t.caller();
    const session = await maeCaller.ok('signIn', { email: 'mae@example.org', password: (delivery as { temporaryPassword: string }).temporaryPassword });
    expect(session.mustChangePassword).toBe(true);

    // Sally's invite, sent again once the server answers.
    sink.mode = 'ok';
    expect((await admin.ok('retryImportInvites', { importId })).phase).toBe('sending');
    const retried = await untilImport(admin, importId, (s) => s.phase === 'done');
    expect(retried.invites).toMatchObject({ sent: 1, failed: [] });
    const mail = await sink.waitForMessage((m) => m.to.includes('sally@example.org'));
    await t.caller().ok('redeemCode', { email: 'sally@example.org', code: codeIn(mail), newPassword: 'a river runs through it quietly' });
  }, 30_000);
});

describe('Import CSV invites, many at once', () => {
  it('people given lazily are queued a slice per turn of the event loop, never all decoded at once', async () => {
    const deps = { smtpSettings: { load: () => null } } as unknown as InviteDeps;
    const invites = new InviteQueue(deps, {} as CallContext);
    const total = 300_000;
    let pulled = 0;
    invites.sendGradually(
      (function* () {
        for (let i = 0; i < total; i++, pulled++) yield { line: i + 2, personId: i + 1, email: `p${i}@example.org`, code: null };
      })(),
      total,
    );
    expect(invites.pending).toBe(total);
    expect(invites.busy).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThanOrEqual(2000); // a slice or two by the first turn, not 300,000
    invites.stop('Roster was closed.');
    await invites.whenIdle();
    expect(invites.pending).toBe(0);
    expect(invites.busy).toBe(false);
    expect(invites.sent + invites.failed.length).toBe(total);
  });

  it('queues the people of an import of any size (1,000,000 rows allowed) without overflowing the stack', async () => {
    // Email turned off: the one invite tried fails at once with that reason; stopping moves the rest to the failures.
    const deps = { smtpSettings: { load: () => null } } as unknown as InviteDeps;
    const invites = new InviteQueue(deps, {} as CallContext);
    const people = Array.from({ length: 300_000 }, (_, i) => ({ line: i + 2, personId: i + 1, email: `p${i}@example.org`, code: null }));
    expect(() => invites.send(people)).not.toThrow();
    expect(invites.pending).toBe(299_999);
    invites.stop('Roster was closed.');
    await invites.whenIdle();
    expect(invites.failed).toHaveLength(300_000);
    expect(invites.failed.filter((f) => /not set up/.test(f.reason))).toHaveLength(1);
  });
});
