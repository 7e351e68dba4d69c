// Every People page query is an index SEARCH in the sort's own order: no table scan, no temp B-tree for ORDER BY.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/db/open-database.ts';
import { closeDatabase, openDatabase } from '../../../main/core/db/open-database.ts';
import { listPeople } from '../../../main/core/db/people-pages.ts';
import { SORTS, type ListInput } from '../../../main/core/db/people-sorted-rows.ts';
import { UsersRepo } from '../../../main/core/db/users-repo.ts';
import { filterLabel, MENU_FILTERS } from '../../../common/people-filter.ts';
import { tempDir } from '../harness.ts';
import { fillTrickyPeople } from './tricky-people.ts';

let db: Db;
const NOW = Date.UTC(2025, 0, 1);
beforeAll(async () => {
  db = await openDatabase(path.join(tempDir('roster-plans-'), 'roster.db'));
  fillTrickyPeople(db, 500, 3);
});
afterAll(() => closeDatabase(db));

/** Runs `f` against a database that records every statement run on users, with its parameters. */
function recordQueries(f: (db: Db) => void): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return Reflect.get(target, prop) as unknown;
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const wrap = (s: typeof stmt): typeof stmt =>
          new Proxy(s, {
            get(t, p) {
              if (p === 'raw' || p === 'pluck') return (...a: unknown[]) => wrap((t[p] as (...x: unknown[]) => typeof stmt).apply(t, a));
              if (p === 'all' || p === 'get') return (...params: unknown[]) => (seen.push({ sql, params }), t[p](...params));
              return Reflect.get(t, p) as unknown;
            },
          });
        return wrap(stmt);
      };
    },
  });
  f(spy);
  return seen;
}

const plan = (sql: string, params: unknown[]) =>
  db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => (r as { detail: string }).detail);

describe('People page query plans', () => {
  const pages: ListInput['page'][] = [{ kind: 'first' }, { kind: 'last' }, { kind: 'index', index: 3 }];
  for (const sort of Object.keys(SORTS) as ListInput['sort'][]) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages sorted by ${sort} ${direction} are index searches on ${SORTS[sort].index}`, () => {
        const base = { tab: 'active' as const, query: '', filter: null, sort, direction, pageSize: 25 as const };
        const queries = recordQueries((spy) => {
          const first = listPeople(spy, { ...base, page: { kind: 'first' } }, NOW);
          const second = listPeople(spy, { ...base, page: { kind: 'after', cursor: first.endCursor!, pageIndex: 0 } }, NOW);
          listPeople(spy, { ...base, page: { kind: 'before', cursor: second.startCursor!, pageIndex: 1 } }, NOW);
          for (const page of pages) listPeople(spy, { ...base, page }, NOW);
          listPeople(spy, { ...base, query: 'an', page: { kind: 'after', cursor: first.endCursor!, pageIndex: 0 } }, NOW);
        });
        const pageQueries = queries.filter((q) => /FROM users INDEXED BY/.test(q.sql) && !/COUNT/.test(q.sql));
        expect(pageQueries.length).toBeGreaterThanOrEqual(8);
        for (const q of pageQueries) {
          const steps = plan(q.sql, q.params);
          expect(steps.join(' | '), q.sql).toMatch(new RegExp(`^SEARCH users USING (COVERING )?INDEX ${SORTS[sort].index} \\(is_active=\\?`));
          expect(steps.join(' | '), q.sql).not.toMatch(/TEMP B-TREE|SCAN/);
          // A page after or before a cursor seeks to it: the range (or tie) must be part of the index search.
          if (/\) [<>]=? \(|id [<>] \?/.test(q.sql)) expect(steps[0], q.sql).toMatch(/is_active=\? AND /);
        }
      });
    }
  }
});

describe('filtered page query plans', () => {
  // Every filter with few people is sorted from its own partial index alone: COVERING, never a table read per person.
  for (const filter of MENU_FILTERS.filter((f) => f.kind !== 'neverSignedIn' && f.kind !== 'noSignInFor')) {
    it(`${filterLabel(filter)}: its people are sorted from a covering index, only the page read from the table`, () => {
      const queries = recordQueries((spy) => {
        for (const sort of Object.keys(SORTS) as ListInput['sort'][]) {
          const base = { tab: 'active' as const, query: '', filter, sort, direction: 'asc' as const, pageSize: 25 as const };
          const first = listPeople(spy, { ...base, page: { kind: 'first' } }, NOW);
          if (first.endCursor) listPeople(spy, { ...base, page: { kind: 'after', cursor: first.endCursor, pageIndex: 0 } }, NOW);
        }
      });
      const sorted = queries.filter((q) => /^SELECT id FROM users INDEXED BY/.test(q.sql));
      expect(sorted.length).toBeGreaterThanOrEqual(4);
      for (const q of sorted) expect(plan(q.sql, q.params)[0], q.sql).toMatch(/^SEARCH users USING COVERING INDEX users_(locked|temporary|invited|admins) /);
    });
  }
});

describe('the last-admin check', () => {
  it('reads the role index for active admins, never the whole table', () => {
    const queries = recordQueries((spy) => new UsersRepo(spy).hasSeveralActiveAdmins());
    expect(queries).toHaveLength(1);
    const steps = plan(queries[0]!.sql, queries[0]!.params).join(' | ');
    expect(steps).toMatch(/SEARCH users USING INDEX users_by_role \(is_active=\? AND role=\?\)/);
    expect(steps).not.toMatch(/SCAN users/);
  });
});
