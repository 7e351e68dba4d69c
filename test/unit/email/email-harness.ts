// Shared set-up for the email tests: a test Roster plus a real SMTP sink on 127.0.0.1, stopped after each test.
import { afterEach } from 'vitest';
import { codeIn, SmtpSink, type SinkOptions } from '../../fixtures/smtp-sink.ts';
import { GOOD_PASSWORD, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import type { RosterOptions } from '../../../main/core/roster.ts';

const sinks: SmtpSink[] = [];
afterEach(async () => {
  while (sinks.length) await sinks.pop()!.stop();
});

/** Short SMTP timeouts keep the "server too slow" tests quick (they ask for it: `silentServer`). */
export const TEST_SMTP_TIMEOUT_MS = 1500;
/**
 * Otherwise the sink, on this process's own loop, must never be taken for a silent server: on a loaded 2-core
 * machine a greeting took over 1.5 s and a save of the settings failed with SMTP_TIMEOUT (a flaky CI run).
 */
const ANSWERING_SERVER_TIMEOUT_MS = 30_000;

export async function startSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const sink = await SmtpSink.start(options);
  sinks.push(sink);
  return sink;
}

export interface EmailWorld {
  t: TestRoster;
  sink: SmtpSink;
  admin: Caller;
}

/**
 * A Roster with its first admin signed in and, unless `configure` is false, email set up against the sink.
 * `silentServer`: the test will make the sink stop answering, so Roster gives up on it after TEST_SMTP_TIMEOUT_MS.
 */
export async function emailWorld(options: { configure?: boolean; silentServer?: boolean; roster?: Partial<RosterOptions> } = {}): Promise<EmailWorld> {
  const sink = await startSink();
  const t = await startTestRoster({ smtpTimeoutMs: options.silentServer ? TEST_SMTP_TIMEOUT_MS : ANSWERING_SERVER_TIMEOUT_MS, ...options.roster });
  const admin = await t.admin();
  if (options.configure !== false) await admin.ok('saveEmailSettings', sink.settings());
  return { t, sink, admin };
}

export const BOB = { firstName: 'Bob', lastName: 'Marley', email: 'bob@example.org' };
export const NEW_PASSWORD = 'a river runs through it quietly';

export function auditActions(t: TestRoster): string[] {
  return t.roster.db.prepare<[], string>('SELECT action FROM audit_log ORDER BY id').pluck().all();
}

/** Bob as an active person with a password he chose (GOOD_PASSWORD), signed in in his own window. */
export async function withBob(world: EmailWorld) {
  const { t, sink, admin } = world;
  const { person } = await admin.ok('addPerson', BOB);
  const code = codeIn(await sink.waitForMessage((m) => m.to.includes(BOB.email)));
  const bob = t.caller();
  await bob.ok('redeemCode', { email: BOB.email, code, newPassword: GOOD_PASSWORD });
  sink.messages.length = 0;
  return { id: person.id, bob };
}

/** An invited person and the code their invite email carried. */
export async function invited(world: EmailWorld, email = BOB.email) {
  const { person } = await world.admin.ok('addPerson', { ...BOB, email });
  const code = codeIn(await world.sink.waitForMessage((m) => m.to.includes(email)));
  return { id: person.id, code };
}

export function auditDetails(t: TestRoster, action: string): Record<string, unknown>[] {
  return t.roster.db
    .prepare<[string], string>('SELECT details FROM audit_log WHERE action = ? ORDER BY id')
    .pluck()
    .all(action)
    .map((d) => JSON.parse(d) as Record<string, unknown>);
}
