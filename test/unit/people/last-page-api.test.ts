// The last page through the API: main counts the list first (in slices, countPeopleYielding), then reads the page
// that count ends on. It must be the oracle's last page, for a search, a filter and both.
import { describe, expect, it } from 'vitest';
import type { PeopleFilter } from '../../../common/people-filter.ts';
import { startTestRoster } from '../harness.ts';
import { liveInvites, naiveFilter, naiveMatches } from '../scale/naive-people.ts';
import { fillTrickyPeople } from '../scale/tricky-people.ts';

describe('the last page, as the API answers it', () => {
  it.each([
    ['a search', 'an', null],
    ['a filter', '', { kind: 'neverSignedIn' }],
    ['a search and a filter', 'e', { kind: 'neverSignedIn' }],
  ] as [string, string, PeopleFilter | null][])('with %s, is the oracle\'s last page', async (_, query, filter) => {
    const t = await startTestRoster();
    const admin = await t.admin();
    fillTrickyPeople(t.roster.db, 700, 4);
    const now = t.clock.now();
    const base = { tab: 'active' as const, query, filter, sort: 'name' as const, direction: 'asc' as const };
    const live = liveInvites(t.roster.db, now);
    const all = naiveMatches(t.roster.db, base).filter((r) => filter === null || naiveFilter(r, filter, now, live));
    expect(all.length).toBeGreaterThan(25);
    const lastIndex = Math.ceil(all.length / 25) - 1;
    const page = await admin.ok('listPeople', { ...base, pageSize: 25, page: { kind: 'last' } });
    expect(page.pageIndex).toBe(lastIndex);
    expect(page.rows.map((r) => r.id)).toEqual(all.slice(lastIndex * 25).map((r) => r.id));
    expect(page.hasNext).toBe(false);
  });
});
