// How the Activity page talks to main: rows first and at once, the count only after the rows and only when the
// filters changed, stale answers never shown. Driven with hand-resolved promises.
import { describe, expect, test } from 'vitest';
import type { ActivityPage } from '../../../common/activity.ts';
import { ActivityLoader, type ActivityRequest, type FilterInput } from '../../../renderer/src/activity/activity-loader.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));
const page = (pageIndex: number): ActivityPage => ({ entries: [], pageIndex, hasPrevious: pageIndex > 0, hasNext: true, startCursor: 's', endCursor: 'e' });
const ALL: FilterInput = { personId: null, kinds: [], from: null, to: null };
const ROLES: FilterInput = { ...ALL, kinds: ['roles'] };
const req = (filter: FilterInput, p: ActivityRequest['page'] = { kind: 'first' }): ActivityRequest => ({ view: { filter, pageSize: 25 }, page: p });

function harness() {
  const lists: { input: unknown; resolve: (p: ActivityPage) => void; reject: (e: unknown) => void }[] = [];
  const counts: { input: FilterInput; resolve: (t: { total: number }) => void }[] = [];
  const seen: string[] = [];
  const loader = new ActivityLoader(
    {
      listActivity: (input) => new Promise((resolve, reject) => lists.push({ input, resolve, reject })),
      countActivity: (input) => new Promise((resolve) => counts.push({ input, resolve })),
    },
    {
      rows: (r, p) => seen.push(`rows ${JSON.stringify(r.view.filter.kinds)} page ${p.pageIndex}`),
      rowsFailed: (r, e) => seen.push(`failed ${(e as Error).message}`),
      count: (of, total) => seen.push(`count ${JSON.stringify(of.kinds)} ${total}`),
      countFailed: () => seen.push('count failed'),
    },
  );
  return { loader, lists, counts, seen };
}

describe('the Activity loader', () => {
  test('rows are asked at once, and the count only once they have landed', async () => {
    const { loader, lists, counts, seen } = harness();
    loader.load(req(ALL));
    expect(lists).toHaveLength(1);
    expect(counts).toHaveLength(0);
    lists[0]!.resolve(page(0));
    await settle();
    expect(counts.map((c) => c.input)).toEqual([ALL]);
    counts[0]!.resolve({ total: 40 });
    await settle();
    expect(seen).toEqual(['rows [] page 0', 'count [] 40']);
  });

  test('paging within the same filters does not count again', async () => {
    const { loader, lists, counts } = harness();
    loader.load(req(ALL));
    lists[0]!.resolve(page(0));
    await settle();
    loader.load(req(ALL, { kind: 'after', cursor: 'e', pageIndex: 0 }));
    lists[1]!.resolve(page(1));
    await settle();
    expect(lists).toHaveLength(2);
    expect(counts).toHaveLength(1);
  });

  test('a filter changed while rows fly: only the newest rows are shown, and only its count is asked', async () => {
    const { loader, lists, counts, seen } = harness();
    loader.load(req(ALL));
    loader.load(req(ROLES));
    lists[0]!.resolve(page(0));
    await settle();
    expect(lists.map((l) => (l.input as FilterInput).kinds)).toEqual([[], ['roles']]);
    lists[1]!.resolve(page(0));
    await settle();
    expect(seen).toEqual(['rows ["roles"] page 0']);
    expect(counts.map((c) => c.input)).toEqual([ROLES]);
  });

  test('refresh counts the same filters again', async () => {
    const { loader, lists, counts } = harness();
    loader.load(req(ALL));
    lists[0]!.resolve(page(0));
    await settle();
    counts[0]!.resolve({ total: 1 });
    await settle();
    loader.refresh(req(ALL));
    lists[1]!.resolve(page(0));
    await settle();
    expect(counts).toHaveLength(2);
  });

  test('nothing is delivered after dispose', async () => {
    const { loader, lists, seen } = harness();
    loader.load(req(ALL));
    loader.dispose();
    lists[0]!.resolve(page(0));
    await settle();
    expect(seen).toEqual([]);
  });

  test('a failure of the rows is delivered and asks no count', async () => {
    const { loader, lists, counts, seen } = harness();
    loader.load(req(ALL));
    lists[0]!.reject(new Error('down'));
    await settle();
    expect(seen).toEqual(['failed down']);
    expect(counts).toHaveLength(0);
  });
});
