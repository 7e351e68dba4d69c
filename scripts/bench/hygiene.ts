// The hygiene section of the bench: every People filter's first, next and previous page (under each sort; the
// slowest sort is reported) and its count, and a person's Unlock and Sign out everywhere, through the dispatcher the
// UI calls. The generated people are given the states the filters look for first (locks, temporary passwords, live
// invites), and the core runs with its clock at the generator's "now", so "No sign-in for 90 days" splits the
// people as it would on the day they were generated rather than matching everyone.
import Database from 'better-sqlite3';
import path from 'node:path';
import { filterLabel, MENU_FILTERS } from '../../common/people-filter.ts';
import { DATABASE_FILE } from '../../main/core/data-dir.ts';
import { SORTS } from '../../main/core/db/people-sorted-rows.ts';
import { closeDatabase, openDatabase } from '../../main/core/db/open-database.ts';
import { lockLiftsAt } from '../../main/core/auth/login-throttle.ts';
import { createRoster } from '../../main/core/roster.ts';
import { caller } from './backups.ts';
import { summarise, timeIt, type Row, type Sample } from './measure.ts';
import { BENCH_ADMIN } from './people-database.ts';
import { GENERATED_NOW } from './people-generator.ts';

const HOUR = 3_600_000;
const SORT_KEYS = Object.keys(SORTS) as (keyof typeof SORTS)[];
/** Each locked person's failed sign-ins, a second apart, starting 5 minutes before the generator's now: 40 hold them back for 43 minutes. */
const FAILURES = Array.from({ length: 40 }, (_, i) => GENERATED_NOW - 5 * 60_000 + i * 1000);

/** Deterministic states on the work copy: 1 in 500 active people locked out, 1 in 200 on a temporary password, half the invitees with a live invite. */
function giveStates(file: string): { locked: number; failures: number; temporary: number; liveInvites: number; sessions: number } {
  const db = new Database(file);
  try {
    return db.transaction(() => {
      const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
      return {
        // Locked as the throttle locks: failed sign-ins within the hour (Unlock asks the throttle, not the row).
        locked: run('UPDATE users SET locked_until = ? WHERE is_active = 1 AND password_hash IS NOT NULL AND id % 500 = 7', lockLiftsAt(FAILURES)),
        failures: run(
          `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${FAILURES.length - 1})
           INSERT INTO login_failures (email, at) SELECT email, ? + i * 1000 FROM users, n WHERE is_active = 1 AND password_hash IS NOT NULL AND id % 500 = 7`,
          FAILURES[0],
        ),
        temporary: run(
          'UPDATE users SET must_change_password = 1, temporary_password_expires_at = ? WHERE is_active = 1 AND password_hash IS NOT NULL AND id % 200 = 3',
          GENERATED_NOW + 7 * 24 * HOUR,
        ),
        liveInvites: run(
          `INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at)
           SELECT id, 'invite', 'bench-not-a-code', ?, ? FROM users WHERE password_hash IS NULL AND is_active = 1 AND id % 2 = 0`,
          GENERATED_NOW - HOUR,
          GENERATED_NOW + 47 * HOUR,
        ),
        sessions: run(
          `INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
           SELECT 'bench-session-' || id, id, ?, ? FROM users WHERE is_active = 1 AND password_hash IS NOT NULL AND id % 500 = 11`,
          GENERATED_NOW,
          GENERATED_NOW + 12 * HOUR,
        ),
      };
    })();
  } finally {
    db.close();
  }
}

export async function benchHygiene(dataDir: string, runs: number, rows: Row[], log: (s: string) => void): Promise<void> {
  log('bench: hygiene (filters, unlock, sign out everywhere)');
  const file = path.join(dataDir, DATABASE_FILE);
  // Upgraded first: run alone (--only hygiene), the work copy still has the generated data's schema, without the
  // columns the states go in.
  closeDatabase(await openDatabase(file, { backupBeforeMigrating: false }));
  const states = giveStates(file);
  const started = Date.now();
  const roster = await createRoster({ dataDir, clock: { now: () => GENERATED_NOW + (Date.now() - started) } });
  const db = roster.db;
  const call = caller(roster);
  try {
    await call('signIn', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
    const setup = `${states.locked} locked, ${states.temporary} temporary, ${states.liveInvites} live invites`;
    for (const filter of MENU_FILTERS) {
      const group = `filter ${filterLabel(filter)}`;
      const { total } = await call('countPeople', { tab: 'active', filter });
      // Each move under every sort; the slowest sort's median is the figure held to the target.
      const worst: Record<'first' | 'next' | 'previous', { sample: Sample; sort: string } | null> = { first: null, next: null, previous: null };
      const keep = (what: keyof typeof worst, sample: Sample, sort: string) => {
        if (!worst[what] || worst[what].sample.median < sample.median) worst[what] = { sample, sort };
      };
      for (const sort of SORT_KEYS) {
        const base = { tab: 'active' as const, filter, sort, pageSize: 50 as const };
        const first = await call('listPeople', { ...base, page: { kind: 'first' } });
        keep('first', await timeIt(runs, () => call('listPeople', base)), sort);
        if (!first.endCursor || !first.hasNext) continue;
        const next = { kind: 'after' as const, cursor: first.endCursor, pageIndex: 0 };
        const second = await call('listPeople', { ...base, page: next });
        keep('next', await timeIt(runs, () => call('listPeople', { ...base, page: next })), sort);
        const previous = { kind: 'before' as const, cursor: second.startCursor!, pageIndex: 1 };
        keep('previous', await timeIt(runs, () => call('listPeople', { ...base, page: previous })), sort);
      }
      for (const [what, target] of [['first', 10], ['next', 5], ['previous', 5]] as const) {
        const w = worst[what];
        if (w) rows.push({ group, what: `${what} page (${total.toLocaleString('en')} people)`, value: w.sample, unit: 'ms', target, note: `(slowest sort: ${w.sort})` });
      }
      rows.push({ group, what: 'count', value: await timeIt(Math.min(runs, 5), () => call('countPeople', { tab: 'active', filter })), unit: 'ms', target: 300 });
    }

    const locked = db.prepare('SELECT id FROM users WHERE locked_until > ? ORDER BY id').pluck().all(GENERATED_NOW) as number[];
    let at = 0;
    const unlock = await timeIt(runs, () => call('unlockPerson', { id: locked[at++]! }));
    rows.push({ group: 'hygiene', what: `unlockPerson (${setup})`, value: unlock, unit: 'ms', target: 2 });
    const signedIn = db.prepare("SELECT user_id FROM sessions WHERE token_hash LIKE 'bench-session-%' ORDER BY user_id").pluck().all() as number[];
    at = 0;
    const signOut = await timeIt(runs, () => call('signOutEverywhere', { id: signedIn[at++]! }));
    rows.push({ group: 'hygiene', what: 'signOutEverywhere (one session each)', value: signOut, unit: 'ms', target: 2 });
    rows.push({ group: 'hygiene', what: 'people given states for this section', value: summarise([states.locked + states.temporary + states.liveInvites]), unit: 'times', note: `(${setup})` });
  } finally {
    await roster.close();
  }
}
