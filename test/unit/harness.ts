// Builds a real Roster core on a fresh data folder for one test, with a movable clock and a cheap bcrypt cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createRoster, type Roster, type RosterOptions } from '../../main/core/roster.ts';
import { ManualClock } from '../fixtures/manual-clock.ts';
import { Caller } from './caller.ts';

export { Caller } from './caller.ts';

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
