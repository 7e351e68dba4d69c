// Builds a real Roster core on a fresh data folder for one test, with a movable clock and a cheap bcrypt cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract.ts';
import type { Result } from '../../common/errors.ts';
import { MemorySessionSlot } from '../../main/core/api/session-slot.ts';
import { createRoster, type Roster, type RosterOptions } from '../../main/core/roster.ts';
import { ManualClock } from '../fixtures/manual-clock.ts';

export const GOOD_PASSWORD = 'correct horse battery staple';
export const ADMIN = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', password: GOOD_PASSWORD };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'roster-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.promises.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A signed-in (or not) caller: its own session slot, like one window. */
export class Caller {
  readonly slot = new MemorySessionSlot();
  constructor(private readonly roster: Roster) {}

  raw(method: string, payload: unknown): Promise<Result<unknown>> {
    return this.roster.dispatch(method, payload, this.slot);
  }

  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
    return this.roster.dispatch(method, input, this.slot) as Promise<Result<MethodOutput<K>>>;
  }

  /** Calls and returns the value, failing the test with main's error when the call fails. */
  async ok<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
    const result = await this.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
}

export interface TestRoster {
  roster: Roster;
  clock: ManualClock;
  dataDir: string;
  caller(): Caller;
  /** An admin caller, signed in, on a database where ADMIN is the first admin. */
  admin(): Promise<Caller>;
}

export async function startTestRoster(options: Partial<RosterOptions> = {}): Promise<TestRoster> {
  const dataDir = options.dataDir ?? tempDir();
  const clock = new ManualClock();
  const roster = await createRoster({ dataDir, clock, bcryptCost: 4, logError: () => {}, ...options });
  cleanups.push(() => roster.close());
  return {
    roster,
    clock,
    dataDir,
    caller: () => new Caller(roster),
    async admin() {
      const c = new Caller(roster);
      await c.ok('createFirstAdmin', ADMIN);
      return c;
    },
  };
}
