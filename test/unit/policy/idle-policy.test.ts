// The automatic deactivation policy through the dispatcher, on a real database, the real bulk worker and a movable
// clock: off by default; whom it deactivates (users idle N days, by the People filter's own rule; admins never;
// the deactivated untouched; exactly N days is not yet idle); a preview before turning on; the first run judged at
// that preview; each deactivation audited with no actor and worded as Roster's; the daily schedule; bad input that
// changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../../common/activity-wording.ts';
import type { Person } from '../../../common/contract.ts';
import { DAY_MS } from '../../../common/people-filter.ts';
import { ADMIN, GOOD_PASSWORD, startTestRoster, type Caller, type TestRoster } from '../harness.ts';
import { databaseSnapshot } from '../database-snapshot.ts';
import { addPerson, addSignedInPerson, makeAdmin } from '../people/helpers.ts';

/** Sessions last 12 hours and these tests move the clock by months: the admin signs in afresh. */
async function adminNow(t: TestRoster): Promise<Caller> {
  const c = t.caller();
  await c.ok('signIn', { email: ADMIN.email, password: GOOD_PASSWORD });
  return c;
}

/** Makes someone added now as if added `days` ago: created then, and the temporary password they got then expired. */
const addedDaysAgo = (t: TestRoster, id: number, days: number) =>
  t.roster.db.prepare('UPDATE users SET created_at = ?, temporary_password_expires_at = ? WHERE id = ?').run(t.clock.now() - days * DAY_MS, t.clock.now() - (days - 7) * DAY_MS, id);
const active = (t: TestRoster, id: number) => t.roster.db.prepare('SELECT is_active FROM users WHERE id = ?').pluck().get(id) as number;
const entries = (t: TestRoster, action: string) =>
  t.roster.db
    .prepare<[string], { actor_id: number | null; target_id: number | null; details: string }>('SELECT actor_id, target_id, details FROM audit_log WHERE action = ? ORDER BY id')
    .all(action)
    .map((e) => ({ actor: e.actor_id, target: e.target_id, details: JSON.parse(e.details) as Record<string, unknown> }));
const configFile = (t: TestRoster) => {
  const file = path.join(t.dataDir, 'config.json');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
};

/** Turns the policy on through the page's two calls: the preview, then the save that confirms it. */
async function turnOn(admin: Caller, days: number) {
  const preview = await admin.ok('previewIdlePolicy', { days });
  const saved = await admin.ok('saveIdlePolicy', { enabled: true, days, asOf: preview.asOf });
  return { preview, saved };
}

/** A roster where `names` were added 91 days ago and never signed in (idle for a 90-day policy), and an admin now. */
async function idleTeam<N extends string[]>(...names: N) {
  const t = await startTestRoster();
  const setup = await t.admin();
  const people: Person[] = [];
  for (const n of names) people.push((await addPerson(setup, n)).person);
  t.clock.advance(91 * DAY_MS);
  return { t, admin: await adminNow(t), people: people as { [K in keyof N]: Person } };
}

describe('the idle policy', () => {
  it('is off by default: a start, a day and a check later, nobody is deactivated however idle', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { person: kim } = await addPerson(admin, 'Kim');
    t.clock.advance(400 * DAY_MS);
    await t.roster.policySchedule.tick();
    const view = await (await adminNow(t)).ok('getIdlePolicy', {});
    expect(view).toEqual({ settings: { enabled: false, days: 180 }, lastRun: null, lastFailure: null, nextRunAt: null });
    expect(active(t, kim.id)).toBe(1);
    expect(entries(t, 'person_deactivated')).toEqual([]);
  });

  it('deactivates users with no sign-in for N days; never admins, not the recently signed in, not the already deactivated', async () => {
    const t = await startTestRoster();
    const setup = await t.admin();
    const { person: kim } = await addPerson(setup, 'Kim'); // never signs in: idle since created
    const { person: lee } = await addPerson(setup, 'Lee'); // an idle admin
    await makeAdmin(setup, lee);
    const { person: max } = await addPerson(setup, 'Max'); // already deactivated
    await setup.ok('deactivatePerson', { id: max.id });
    const { person: sam, caller: samWindow } = await addSignedInPerson(t, setup, 'Sam'); // signs in again below
    t.clock.advance(100 * DAY_MS);
    await samWindow.ok('signIn', { email: sam.email, password: 'umbrella tangerine voyage' });
    const admin = await adminNow(t);

    const { preview, saved } = await turnOn(admin, 90);
    expect(preview).toMatchObject({ days: 90, count: 1, idleAdmins: 1, first: [{ id: kim.id, name: 'Kim Tester', email: kim.email }] });
    expect(saved.run).toMatchObject({ days: 90, deactivated: 1 });
    expect(saved.view.settings).toEqual({ enabled: true, days: 90 });
    expect([active(t, kim.id), active(t, lee.id), active(t, max.id), active(t, sam.id), active(t, 1)]).toEqual([0, 1, 0, 1, 1]);
    // Max's one deactivation is the admin's own, from before: the policy did not touch him again.
    expect(entries(t, 'person_deactivated').map((e) => e.target)).toEqual([max.id, kim.id]);
  });

  it('someone idle for exactly N days is not yet idle; a millisecond more and they are (the filter\'s own boundary)', async () => {
    const t = await startTestRoster();
    const setup = await t.admin();
    const { person: kim } = await addPerson(setup, 'Kim');
    t.clock.advance(90 * DAY_MS);
    const admin = await adminNow(t);
    const atBoundary = await admin.ok('previewIdlePolicy', { days: 90 });
    expect(atBoundary.count).toBe(0);
    expect((await admin.ok('countPeople', { tab: 'active', filter: { kind: 'noSignInFor', days: 90 } })).total).toBe(0);
    t.clock.advance(1);
    const past = await admin.ok('previewIdlePolicy', { days: 90 });
    expect(past.count).toBe(1);
    expect(past.first[0]).toMatchObject({ id: kim.id, idleSince: new Date(Date.UTC(2026, 0, 1)).toISOString() });
    expect((await admin.ok('countPeople', { tab: 'active', filter: { kind: 'noSignInFor', days: 90 } })).total).toBe(1);
  });

  it('counts idleness from the last sign-in, and from the creation for someone who never signed in', async () => {
    const t = await startTestRoster();
    const setup = await t.admin();
    const { person: old } = await addSignedInPerson(t, setup, 'Old'); // created and signed in at day 0
    t.clock.advance(60 * DAY_MS);
    const { person: fresh } = await addPerson(await adminNow(t), 'Fresh'); // created at day 60, never signs in
    t.clock.advance(40 * DAY_MS); // day 100: Old idle 100 days, Fresh 40
    const admin = await adminNow(t);
    const preview = await admin.ok('previewIdlePolicy', { days: 90 });
    expect(preview.first.map((p) => p.id)).toEqual([old.id]);
    expect((await admin.ok('previewIdlePolicy', { days: 30 })).first.map((p) => p.id)).toEqual([old.id, fresh.id]);
  });

  it('leaves alone anyone an admin has just given a way in: a pending invite, or a temporary password still good', async () => {
    const { t, admin, people } = await idleTeam('Kim', 'Lee', 'Max');
    const [kim, lee, max] = people;
    const now = t.clock.now();
    // Kim's invite was resent today; Lee was given a temporary password today; Max has only the expired one.
    t.roster.db.prepare('UPDATE users SET password_hash = NULL, must_change_password = 0 WHERE id = ?').run(kim.id);
    t.roster.db.prepare(`INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, 'invite', 'h', ?, ?)`).run(kim.id, now, now + 2 * DAY_MS);
    t.roster.db.prepare('UPDATE users SET must_change_password = 1, temporary_password_expires_at = ? WHERE id = ?').run(now + 7 * DAY_MS, lee.id);
    const { preview } = await turnOn(admin, 90);
    expect(preview.first.map((p) => p.id)).toEqual([max.id]);
    expect(preview.count).toBe(1); // the confirmation's count: the spared are not in it either
    expect([active(t, kim.id), active(t, lee.id), active(t, max.id)]).toEqual([1, 1, 0]);
  });

  it('ends the sessions and outstanding codes of those it deactivates, as a manual deactivate does', async () => {
    const t = await startTestRoster();
    const setup = await t.admin();
    const { person: kim } = await addPerson(setup, 'Kim');
    const now = t.clock.now();
    t.roster.db.prepare(`INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?, 'reset', 'h', ?, ?)`).run(kim.id, now, now + 1000 * DAY_MS);
    t.roster.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) SELECT ?, ?, ?, ?, ?').run('kim-session', kim.id, now, now + 1000 * DAY_MS, now);
    t.clock.advance(91 * DAY_MS);
    await turnOn(await adminNow(t), 90);
    expect(t.roster.db.prepare('SELECT COUNT(*) FROM sessions WHERE user_id = ?').pluck().get(kim.id)).toBe(0);
    expect(t.roster.db.prepare('SELECT used_at FROM one_time_codes WHERE user_id = ?').pluck().get(kim.id)).toBe(t.clock.now());
  });

  it('audits each deactivation with no actor and the policy, and the run once; Activity words them as Roster (policy)', async () => {
    const { t, admin, people: [kim, lee] } = await idleTeam('Kim', 'Lee');
    await turnOn(admin, 90);
    expect(entries(t, 'person_deactivated')).toEqual([
      { actor: null, target: kim.id, details: { policy: 'idle', days: 90 } },
      { actor: null, target: lee.id, details: { policy: 'idle', days: 90 } },
    ]);
    expect(entries(t, 'idle_policy_run')).toEqual([{ actor: null, target: null, details: { policy: 'idle', days: 90, deactivated: 2 } }]);
    expect(entries(t, 'idle_policy_saved')).toEqual([
      { actor: 1, target: null, details: { enabled: true, days: 90, changes: { enabled: { from: false, to: true }, days: { from: 180, to: 90 } } } },
    ]);
    const page = await admin.ok('listActivity', { pageSize: 25 });
    const sentences = page.entries.map((e) => describeEntry(e).sentence);
    expect(sentences).toContain('Roster (policy) deactivated 2 people with no sign-in for 90 days');
    expect(sentences).toContain('Roster (policy) deactivated Kim Tester: no sign-in for 90 days');
    expect(sentences).toContain('Ada Lovelace turned on the automatic deactivation of accounts with no sign-in for 90 days');
    expect(await admin.ok('verifyActivityLog', { recheck: true })).toMatchObject({ ok: true });
  });

  it('runs its first run on the people the confirmed preview showed, not on those who crossed the line since', async () => {
    const t = await startTestRoster();
    const setup = await t.admin();
    const { person: kim } = await addPerson(setup, 'Kim');
    t.clock.advance(30_000);
    const { person: lee } = await addPerson(setup, 'Lee'); // crosses the 90-day line 30 s after Kim
    t.clock.advance(90 * DAY_MS - 15_000); // Kim idle 90 days + 15 s, Lee 90 days - 15 s
    const admin = await adminNow(t);
    const preview = await admin.ok('previewIdlePolicy', { days: 90 });
    expect(preview.count).toBe(1);
    t.clock.advance(60_000); // the admin reads the names; Lee crosses the line meanwhile
    const saved = await admin.ok('saveIdlePolicy', { enabled: true, days: 90, asOf: preview.asOf });
    expect(saved.run?.deactivated).toBe(1);
    expect([active(t, kim.id), active(t, lee.id)]).toEqual([0, 1]);
    expect(entries(t, 'idle_policy_run')[0]?.details.judgedAt).toBe(new Date(preview.asOf).toISOString());
    // The next daily run catches Lee.
    t.clock.advance(DAY_MS);
    await t.roster.policySchedule.tick();
    expect(active(t, lee.id)).toBe(0);
  });

  it('changing N while on shows who the new N would deactivate and runs at once on them', async () => {
    const { t, admin, people: [kim] } = await idleTeam('Kim'); // idle 91 days
    const first = await turnOn(admin, 180);
    expect([first.preview.count, first.saved.run?.deactivated, active(t, kim.id)]).toEqual([0, 0, 1]);
    const { preview, saved } = await turnOn(admin, 90);
    expect(preview.first.map((p) => p.id)).toEqual([kim.id]);
    expect(saved.run?.deactivated).toBe(1);
    expect(active(t, kim.id)).toBe(0);
    expect(entries(t, 'idle_policy_saved').at(-1)?.details.changes).toEqual({ days: { from: 180, to: 90 } });
    // Saving what is already saved changes nothing and runs nothing.
    const again = await admin.ok('saveIdlePolicy', { enabled: true, days: 90, asOf: t.clock.now() });
    expect(again.run).toBeNull();
    expect(entries(t, 'idle_policy_saved')).toHaveLength(2);
  });

  it('runs once a day while on, again at once if the clock was set back, and never after it is turned off', async () => {
    const { t, admin } = await idleTeam('Kim');
    const { saved } = await turnOn(admin, 90);
    const firstRunAt = t.clock.now();
    expect(saved.view.nextRunAt).toBe(new Date(firstRunAt + DAY_MS).toISOString());
    const runs = () => (t.roster.db.prepare('SELECT COUNT(*) FROM audit_log WHERE action = ?').pluck().get('idle_policy_run') as number);

    const { person: lee } = await addPerson(admin, 'Lee');
    t.clock.advance(91 * DAY_MS - DAY_MS); // Lee not yet idle; a run is due (days since the last)
    await t.roster.policySchedule.tick();
    expect((await (await adminNow(t)).ok('getIdlePolicy', {})).lastRun).toEqual({ at: new Date(t.clock.now()).toISOString(), days: 90, deactivated: 0 });
    expect(runs()).toBe(1); // a run that found nobody leaves no entry
    t.clock.advance(DAY_MS - 1);
    await t.roster.policySchedule.tick(); // not yet a day since: no run, so Lee (idle now) is still active
    expect(active(t, lee.id)).toBe(1);
    t.clock.advance(1);
    await t.roster.policySchedule.tick();
    expect(active(t, lee.id)).toBe(0);
    expect(runs()).toBe(2);

    // The clock set back a week: the last run is "in the future"; the policy runs at the next check, not in a week.
    const { person: max } = await addPerson(await adminNow(t), 'Max');
    addedDaysAgo(t, max.id, 200);
    t.clock.advance(-7 * DAY_MS);
    await t.roster.policySchedule.tick();
    expect(active(t, max.id)).toBe(0);

    // Off: however long after, nobody else is deactivated.
    const { person: ned } = await addPerson(await adminNow(t), 'Ned');
    await (await adminNow(t)).ok('saveIdlePolicy', { enabled: false, days: 90 });
    t.clock.advance(365 * DAY_MS);
    await t.roster.policySchedule.tick();
    expect(active(t, ned.id)).toBe(1);
    expect(entries(t, 'idle_policy_saved').at(-1)?.details.changes).toEqual({ enabled: { from: true, to: false } });
  });

  it('is not turned on while a bulk action is being applied (BUSY), and a run due meanwhile waits for the next check', async () => {
    const { t, admin, people: [kim, lee] } = await idleTeam('Kim', 'Lee');
    const preview = await admin.ok('previewIdlePolicy', { days: 90 });
    const before = [databaseSnapshot(t), configFile(t)];
    const bulk = admin.call('runBulk', { selection: { kind: 'ids', ids: [lee.id] }, action: 'makeAdmin' });
    const refused = await admin.call('saveIdlePolicy', { enabled: true, days: 90, asOf: preview.asOf });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('BUSY');
    expect(configFile(t)).toBe(before[1]);
    expect((await bulk).ok).toBe(true);
    await turnOn(admin, 90);
    expect([active(t, kim.id), active(t, lee.id)]).toEqual([0, 1]); // Lee is an admin now: never

    const { person: max } = await addPerson(admin, 'Max');
    addedDaysAgo(t, max.id, 100);
    t.clock.advance(DAY_MS); // a run is due
    const again = await adminNow(t);
    const busy = again.call('runBulk', { selection: { kind: 'ids', ids: [lee.id] }, action: 'signOutEverywhere' });
    await t.roster.policySchedule.tick(); // the bulk action holds the worker: this check is skipped, quietly
    expect((await busy).ok).toBe(true);
    expect(active(t, max.id)).toBe(1);
    expect((await again.ok('getIdlePolicy', {})).lastFailure).toBeNull();
    await t.roster.policySchedule.tick(); // the next check
    expect(active(t, max.id)).toBe(0);
  });

  it('refuses bad input and out-of-date or missing previews with a typed error, writing nothing', async () => {
    const { t, admin } = await idleTeam('Kim');
    const before = [databaseSnapshot(t), configFile(t)];
    const code = async (payload: unknown) => {
      const r = await admin.raw('saveIdlePolicy', payload);
      return r.ok ? 'ok' : `${r.error.code}${r.error.field ? `:${r.error.field}` : ''}`;
    };
    expect(await code({ enabled: true, days: 29, asOf: t.clock.now() })).toBe('VALIDATION:days');
    expect(await code({ enabled: true, days: 3651, asOf: t.clock.now() })).toBe('VALIDATION:days');
    expect(await code({ enabled: true, days: 90.5, asOf: t.clock.now() })).toBe('VALIDATION:days');
    expect(await code({ enabled: true, days: '90', asOf: t.clock.now() })).toBe('VALIDATION:days');
    expect(await code({ enabled: true, days: 90 })).toBe('VALIDATION:asOf');
    expect(await code({ enabled: true, days: 90, asOf: t.clock.now() + 60_000 })).toBe('VALIDATION:asOf');
    expect(await code({ enabled: true, days: 90, asOf: t.clock.now() - 16 * 60_000 })).toBe('CONFLICT');
    expect(await code({ enabled: true, days: 90, asOf: t.clock.now(), actor: 'system' })).toBe('VALIDATION');
    expect(await code(null)).toBe('VALIDATION:enabled');
    expect((await admin.raw('previewIdlePolicy', { days: -1 })).ok).toBe(false);
    expect([databaseSnapshot(t), configFile(t)]).toEqual(before);
  });

  it('is for admins only: a User is refused and nothing changes', async () => {
    const t = await startTestRoster();
    const admin = await t.admin();
    const { caller: user } = await addSignedInPerson(t, admin, 'Uma');
    const before = [databaseSnapshot(t), configFile(t)];
    for (const [method, payload] of [
      ['getIdlePolicy', {}],
      ['previewIdlePolicy', { days: 90 }],
      ['saveIdlePolicy', { enabled: true, days: 90, asOf: t.clock.now() }],
    ] as const) {
      const r = await user.raw(method, payload);
      expect(r.ok ? 'ok' : r.error.code, method).toBe('FORBIDDEN');
    }
    expect([databaseSnapshot(t), configFile(t)]).toEqual(before);
  });

  it('keeps its settings across a restart, and a start with the policy on runs it once the database is open', async () => {
    const first = await startTestRoster();
    const setup = await first.admin();
    await addPerson(setup, 'Kim');
    first.clock.advance(91 * DAY_MS);
    await turnOn(await adminNow(first), 90);
    await first.roster.close();

    const again = await startTestRoster({ dataDir: first.dataDir });
    again.clock.advance(200 * DAY_MS); // a later start
    const { person: lee } = await addPerson(await adminNow(again), 'Lee');
    addedDaysAgo(again, lee.id, 100);
    expect((await (await adminNow(again)).ok('getIdlePolicy', {})).settings).toEqual({ enabled: true, days: 90 });
    await again.roster.policySchedule.tick(); // the start's check
    expect(active(again, lee.id)).toBe(0);
  });
});
