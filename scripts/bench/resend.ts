// The Resend invites section of the bench: every active person but the admin is made invited (no password; on the
// bench's own copy of the data), then People → select all on Active → Resend invites, without email (the new codes
// made in one transaction on the bulk worker, then downloaded once as a CSV) and with email (the same, then the
// invite emails queued and sent to a local SMTP sink for a few seconds). Main's event loop is watched throughout.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import type { MethodInput } from '../../common/contract.ts';
import type { ExportFile, FileDelivery } from '../../main/core/exports/file-delivery.ts';
import { createRoster } from '../../main/core/roster.ts';
import { SmtpSink } from '../../test/fixtures/smtp-sink.ts';
import { caller } from './backups.ts';
import { summarise, type Row } from './measure.ts';
import { BENCH_ADMIN } from './people-database.ts';

const settle = () => new Promise((r) => setTimeout(r, 20));
/** How long the emails are watched going out (sending them all to the sink would take many minutes and measure SMTP). */
const SENDING_WATCHED_MS = 5000;

/** Writes the download as the browser would fetch it, to nowhere, counting rows. */
class DiscardDelivery implements FileDelivery {
  written: Promise<number> | null = null;
  deliver(file: ExportFile) {
    file.authorise();
    this.written = file.write(new Writable({ write: (_c, _e, done) => done() }), new AbortController().signal);
    return Promise.resolve({ kind: 'download' as const, url: '/discarded', expiresAt: new Date().toISOString() });
  }
}

/** Runs of the resend without email and its download (each revokes the last run's codes and makes new ones). */
const RUNS = 3;

export async function benchResend(dataDir: string, rows: Row[], log: (s: string) => void): Promise<void> {
  const delivery = new DiscardDelivery();
  const roster = await createRoster({ dataDir, fileDelivery: delivery });
  const sink = await SmtpSink.start();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const watch = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stall: number }> => {
    loop.reset();
    loop.enable();
    await settle(); // the monitor's first sample is only its baseline
    const start = performance.now();
    const value = await work();
    const ms = performance.now() - start;
    await settle();
    loop.disable();
    return { value, ms, stall: loop.max / 1e6 };
  };
  try {
    const call = caller(roster);
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const invite = () =>
      roster.db.prepare("UPDATE users SET password_hash = NULL, must_change_password = 0, temporary_password_expires_at = NULL WHERE is_active = 1 AND email <> ?").run(BENCH_ADMIN.email).changes;
    const invited = invite();
    log(`bench: Resend invites to ${invited.toLocaleString('en')} invited people`);
    const selection: MethodInput<'runBulk'>['selection'] = { kind: 'view', view: { tab: 'active', query: '', sort: 'name', direction: 'asc' }, except: [] };

    // Without email: the codes, then their download, RUNS times (a longest stall is one sample's worst moment).
    const runs: { ms: number; stall: number }[] = [];
    const downloads: { ms: number; stall: number }[] = [];
    let changed = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await watch(() => call('runBulk', { selection, action: 'resendInvites' }));
      const batchId = run.value.invites?.batchId;
      if (!batchId || run.value.changed !== invited) throw new Error(`resend changed ${run.value.changed} of ${invited}`);
      changed = run.value.changed;
      const download = await watch(async () => {
        await call('resendInviteCodes', { batchId });
        return delivery.written;
      });
      runs.push(run);
      downloads.push(download);
      log(`  without email ${i + 1}: ${changed.toLocaleString('en')} new codes in ${(run.ms / 1000).toFixed(2)} s (stall ${run.stall.toFixed(0)} ms), downloaded in ${(download.ms / 1000).toFixed(2)} s (stall ${download.stall.toFixed(0)} ms)`);
    }
    rows.push({ group: 'resend', what: `runBulk resendInvites, ${changed.toLocaleString('en')} people, no email (codes in one transaction, worker)`, value: summarise(runs.map((r) => r.ms / 1000)), unit: 's' });
    rows.push({ group: 'resend', what: 'longest event-loop stall in main, that resend', value: summarise(runs.map((r) => r.stall)), unit: 'ms', target: 50 });
    rows.push({ group: 'resend', what: 'resendInviteCodes: the codes CSV written once', value: summarise(downloads.map((d) => d.ms / 1000)), unit: 's' });
    rows.push({ group: 'resend', what: 'longest event-loop stall in main, that download', value: summarise(downloads.map((d) => d.stall)), unit: 'ms', target: 50 });

    // With email: the same, then the emails queued and going out.
    await call('saveEmailSettings', sink.settings());
    const emailed = await watch(async () => {
      const result = await call('runBulk', { selection, action: 'resendInvites' });
      await new Promise((r) => setTimeout(r, SENDING_WATCHED_MS));
      return result;
    });
    const status = await call('resendInvitesStatus', { batchId: emailed.value.invites!.batchId });
    log(`  with email: ${emailed.value.changed.toLocaleString('en')} new codes, ${status.sent.toLocaleString('en')} emails sent in the ${SENDING_WATCHED_MS / 1000} s watched (stall ${emailed.stall.toFixed(0)} ms)`);
    rows.push({
      group: 'resend',
      what: `longest event-loop stall in main, resend by email and its first ${SENDING_WATCHED_MS / 1000} s of sending`,
      value: summarise([emailed.stall]),
      unit: 'ms',
      target: 50,
      note: `(${status.sent.toLocaleString('en')} emails sent to a local sink meanwhile)`,
    });
    loop.reset();
    loop.enable();
    await new Promise((r) => setTimeout(r, 3000));
    loop.disable();
    rows.push({ group: 'resend', what: 'control: longest event-loop stall in main while idle for 3 s', value: summarise([loop.max / 1e6]), unit: 'ms' });
  } finally {
    await roster.close();
    await sink.stop();
  }
}
