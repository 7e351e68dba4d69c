// Every Activity query is an index range in the page's own order (at, then id): no table scan, no temporary
// B-tree for ORDER BY, whatever the filters and whichever way the page goes. Counts are index ranges too.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityQuery, streamsFor, type Direction } from '../../../main/core/audit/activity-query.ts';
import { AuditRepo } from '../../../main/core/db/audit-repo.ts';
import { closeDatabase, openDatabase, type Db } from '../../../main/core/db/open-database.ts';
import { AUDIT_ACTION_NAMES } from '../../../common/audit-actions.ts';
import { tempDir } from '../harness.ts';

let db: Db;
beforeAll(async () => {
  db = await openDatabase(path.join(tempDir('roster-activity-plans-'), 'roster.db'));
  db.prepare("INSERT INTO users (first_name, last_name, email, role, created_at, updated_at) VALUES ('A', 'B', 'a@example.org', 'admin', 0, 0)").run();
  const audit = new AuditRepo(db);
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) audit.record(i * 1000, i % 3 ? 1 : null, AUDIT_ACTION_NAMES[i % AUDIT_ACTION_NAMES.length]!, i % 2 ? 1 : null, {});
  })();
  // No ANALYZE: Roster never runs it, so its plans are chosen without statistics, as here.
});
afterAll(() => closeDatabase(db));

const plan = (sql: string, params: unknown[]) =>
  db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => (r as { detail: string }).detail)
    .join(' | ');

const FILTERS = {
  'no filter': { personId: null, kinds: [] },
  'kinds': { personId: null, kinds: ['people', 'roles'] },
  'a person': { personId: 1, kinds: [] },
  'a person and kinds': { personId: 1, kinds: ['signIns'] },
} as const;

describe('Activity query plans', () => {
  const query = () => new ActivityQuery(db);
  for (const [label, filter] of Object.entries(FILTERS)) {
    for (const direction of ['older', 'newer'] as Direction[]) {
      for (const withCursor of [false, true]) {
        it(`${label}, ${direction === 'older' ? 'newest first' : 'oldest first'}${withCursor ? ' past a cursor' : ''}: each stream is an index search on its own index, covering where it can be`, () => {
          const streams = streamsFor({ ...filter, kinds: [...filter.kinds] });
          expect(streams.length).toBeGreaterThan(0);
          for (const s of streams) {
            const sql = query().sql(s, direction, withCursor);
            const steps = plan(sql, [...s.params, 0, 1e15, ...(withCursor ? [5000, 5] : []), 26]);
            // Covering: the streams read (at, id) from the index alone; only the page's entries are read whole. The
            // concerned-person index is the exception: it reads actor_id to leave what a person did to themself
            // to the acting one (its own WHERE), so those streams also touch the row.
            const covering = s.index === 'audit_by_target' ? '' : 'COVERING ';
            expect(steps, sql).toMatch(new RegExp(`^SEARCH audit_log USING ${covering}INDEX ${s.index} \\(`));
            expect(steps, sql).not.toMatch(/TEMP B-TREE|SCAN/);
            // The time range (and the cursor) is part of the index search, not a filter after it.
            expect(steps, sql).toMatch(/at>\?|at<\?/);
          }
        });
      }
    }
    it(`${label}: the count is an index range per stream`, () => {
      for (const s of streamsFor({ ...filter, kinds: [...filter.kinds] })) {
        const sql = query().sql(s, 'older', false, true);
        const steps = plan(sql, [...s.params, 0, 1e15]);
        expect(steps, sql).toMatch(new RegExp(`^SEARCH audit_log USING (COVERING )?INDEX ${s.index} \\(`));
        expect(steps, sql).not.toMatch(/SCAN/);
      }
    });
  }
});
