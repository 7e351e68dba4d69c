// Activity pages against a plain oracle: for random logs and random combined filters, paging newest → oldest,
// back again, and to the last page returns exactly what one naive query would, and the count agrees.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityFilter } from '../../../common/activity.ts';
import { ACTIVITY_KINDS, actionsOfKinds, AUDIT_ACTION_NAMES } from '../../../common/audit-actions.ts';
import { ActivityService } from '../../../main/core/audit/activity-service.ts';
import { AuditRepo } from '../../../main/core/db/audit-repo.ts';
import { closeDatabase, openDatabase, type Db } from '../../../main/core/db/open-database.ts';
import { ManualClock } from '../../fixtures/manual-clock.ts';
import { tempDir } from '../harness.ts';

let db: Db;
let service: ActivityService;
const PEOPLE = 6;
const T0 = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  const dir = tempDir('roster-activity-');
  db = await openDatabase(path.join(dir, 'roster.db'));
  const insert = db.prepare("INSERT INTO users (first_name, last_name, email, role, created_at, updated_at) VALUES (?, 'P', ?, 'user', 0, 0)");
  for (let i = 1; i <= PEOPLE; i++) insert.run(`P${i}`, `p${i}@example.org`);
  const audit = new AuditRepo(db);
  // A seeded log: actors and targets (sometimes the same, sometimes none), actions of every kind, times with ties.
  const rand = fc.sample(fc.tuple(fc.integer({ min: 0, max: PEOPLE }), fc.integer({ min: 0, max: PEOPLE }), fc.integer({ min: 0, max: AUDIT_ACTION_NAMES.length - 1 }), fc.integer({ min: 0, max: 400 })), { numRuns: 600, seed: 11 });
  db.transaction(() => {
    for (const [a, t, k, minutes] of rand) {
      audit.record(T0 + minutes * 60_000, a || null, AUDIT_ACTION_NAMES[k]!, t || null, { n: minutes });
    }
  })();
  service = new ActivityService({ db, dataDir: dir, clock: new ManualClock() });
});
afterAll(() => closeDatabase(db));

interface Row {
  id: number;
  at: number;
  actor_id: number | null;
  action: string;
  target_id: number | null;
}

function oracle(f: ActivityFilter): number[] {
  const actions = f.kinds.length ? new Set<string>(actionsOfKinds(f.kinds)) : null;
  return (db.prepare('SELECT id, at, actor_id, action, target_id FROM audit_log').all() as Row[])
    .filter((r) => f.personId === null || r.actor_id === f.personId || r.target_id === f.personId)
    .filter((r) => !actions || actions.has(r.action))
    .filter((r) => (f.from === null || r.at >= f.from) && (f.to === null || r.at < f.to))
    .sort((a, b) => b.at - a.at || b.id - a.id)
    .map((r) => r.id);
}

const filters = fc.record({
  personId: fc.option(fc.integer({ min: 1, max: PEOPLE }), { nil: null }),
  kinds: fc.subarray([...ACTIVITY_KINDS]),
  from: fc.option(fc.integer({ min: 0, max: 400 }).map((m) => T0 + m * 60_000), { nil: null }),
  span: fc.option(fc.integer({ min: 1, max: 400 }).map((m) => m * 60_000), { nil: null }),
  pageSize: fc.constantFrom(25 as const, 50 as const),
});

describe('Activity pages', () => {
  it('page forward, back and to the last page exactly as the naive query orders them', () => {
    fc.assert(
      fc.property(filters, ({ span, pageSize, ...f }) => {
        const filter: ActivityFilter = { ...f, to: span === null ? null : (f.from ?? T0) + span };
        const expected = oracle(filter);
        const pages: number[][] = [];
        let page = service.list({ ...filter, pageSize, page: { kind: 'first' } });
        pages.push(page.entries.map((e) => e.id));
        while (page.hasNext) {
          page = service.list({ ...filter, pageSize, page: { kind: 'after', cursor: page.endCursor!, pageIndex: page.pageIndex } });
          pages.push(page.entries.map((e) => e.id));
        }
        expect(pages.flat()).toEqual(expected);
        expect(service.count(filter).total).toBe(expected.length);
        // Back from the last page reached by paging: the same pages in reverse.
        for (let i = pages.length - 2; i >= 0; i--) {
          page = service.list({ ...filter, pageSize, page: { kind: 'before', cursor: page.startCursor!, pageIndex: page.pageIndex } });
          expect(page.entries.map((e) => e.id)).toEqual(pages[i]);
          expect(page.pageIndex).toBe(i);
          expect(page.hasPrevious).toBe(i > 0);
        }
        const last = service.list({ ...filter, pageSize, page: { kind: 'last' } });
        expect(last.entries.map((e) => e.id)).toEqual(pages[pages.length - 1]);
        expect(last.pageIndex).toBe(pages.length - 1);
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('names the people of each entry as they are now, and the kind of each action', () => {
    const page = service.list({ personId: 2, kinds: ['roles'], from: null, to: null, pageSize: 25, page: { kind: 'first' } });
    expect(page.entries.length).toBeGreaterThan(0);
    for (const e of page.entries) {
      expect(e.kind).toBe('roles');
      expect([e.actor?.id, e.target?.id]).toContain(2);
      expect(e.actor?.id === 2 ? e.actor : e.target).toEqual({ id: 2, name: 'P2 P', email: 'p2@example.org' });
    }
  });
});
