// How the People list talks to main: one request in flight, the newest waiting, stale answers never shown,
// counts after the rows and never between keystrokes. Driven with hand-resolved promises and fake timers.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PeoplePage } from '../../../common/contract.ts';
import { LatestOnly, type Outcome } from '../../../renderer/src/latest-only.ts';
import { filterKey, MENU_FILTERS } from '../../../common/people-filter.ts';
import { PeopleLoader, SEARCH_COUNT_DELAY_MS, type PeopleRequest, type View } from '../../../renderer/src/people-loader.ts';

/** A call whose answer the test gives when it wants. */
function manualCalls<Req, Res>() {
  const calls: { req: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }[] = [];
  const run = (req: Req) => new Promise<Res>((resolve, reject) => calls.push({ req, resolve, reject }));
  return { calls, run };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LatestOnly', () => {
  test('a request made while nothing is in flight is sent at once, before request() returns', () => {
    const { calls, run } = manualCalls<string, string>();
    new LatestOnly(run, () => {}).request('a');
    expect(calls.map((c) => c.req)).toEqual(['a']);
  });

  test('while one is in flight only the newest waiting request is sent next, and the old answer is not delivered', async () => {
    const { calls, run } = manualCalls<string, string>();
    const delivered: [string, Outcome<string>][] = [];
    const q = new LatestOnly(run, (req, o) => delivered.push([req, o]));
    q.request('k');
    q.request('ko');
    q.request('kow');
    expect(calls.map((c) => c.req)).toEqual(['k']);
    calls[0]!.resolve('rows of k');
    await settle();
    expect(calls.map((c) => c.req)).toEqual(['k', 'kow']);
    expect(delivered).toEqual([]);
    calls[1]!.resolve('rows of kow');
    await settle();
    expect(delivered).toEqual([['kow', { ok: true, value: 'rows of kow' }]]);
    expect(q.busy).toBe(false);
  });

  test('asking again for what is in flight drops the waiting request and delivers the flight', async () => {
    const { calls, run } = manualCalls<string, string>();
    const delivered: string[] = [];
    const q = new LatestOnly(run, (req) => delivered.push(req));
    q.request('a');
    q.request('ab'); // typed a letter...
    q.request('a'); // ...and deleted it before the first answer came
    calls[0]!.resolve('rows of a');
    await settle();
    expect(calls.map((c) => c.req)).toEqual(['a']);
    expect(delivered).toEqual(['a']);
  });

  test('a failure of the newest request is delivered as its outcome', async () => {
    const { calls, run } = manualCalls<string, string>();
    const delivered: Outcome<string>[] = [];
    new LatestOnly(run, (_, o) => delivered.push(o)).request('a');
    calls[0]!.reject(new Error('down'));
    await settle();
    expect(delivered).toEqual([{ ok: false, error: new Error('down') }]);
  });

  test('cancel drops the waiting request and the answer in flight', async () => {
    const { calls, run } = manualCalls<string, string>();
    const delivered: string[] = [];
    const q = new LatestOnly(run, (req) => delivered.push(req));
    q.request('a');
    q.request('b');
    q.cancel();
    calls[0]!.resolve('rows of a');
    await settle();
    expect(calls.map((c) => c.req)).toEqual(['a']);
    expect(delivered).toEqual([]);
  });
});

describe('PeopleLoader', () => {
  const view: View = { tab: 'active', query: '', filter: null, sort: 'name', direction: 'asc', pageSize: 25 };
  const page = (label: string): PeoplePage => ({ rows: [], pageIndex: 0, hasPrevious: false, hasNext: true, startCursor: label, endCursor: label });
  let asked: string[];
  let rows: ReturnType<typeof manualCalls<unknown, PeoplePage>>;
  let shown: PeopleRequest[];
  let counted: { tab: string; query: string; total: number }[];
  let filterCounts: ReturnType<typeof manualCalls<unknown, { total: number }>>;
  let filtered: string[];
  let loader: PeopleLoader;
  /** What was asked, without the filter menu's counts (tests of those look at them alone). */
  const main = () => asked.filter((a) => !a.startsWith('filter'));

  beforeEach(() => {
    vi.useFakeTimers();
    asked = [];
    rows = manualCalls();
    shown = [];
    counted = [];
    filterCounts = manualCalls();
    filtered = [];
    loader = new PeopleLoader(
      {
        listPeople: (input) => {
          asked.push(`list ${input.query}`);
          return rows.run(input);
        },
        countPeople: (input) => {
          // Filter counts (the view's own and the menu's) are answered by hand; plain totals at once.
          asked.push(input.filter ? `filter ${filterKey(input.filter)} ${input.query}` : `count ${input.query}`);
          return input.filter ? filterCounts.run(input) : Promise.resolve({ total: input.query.length });
        },
        tabCounts: () => {
          asked.push('tabCounts');
          return Promise.resolve({ active: 1, deactivated: 0 });
        },
      },
      {
        rows: (req) => shown.push(req),
        rowsFailed: () => {},
        count: (of, total) => counted.push({ tab: of.tab, query: of.query, total }),
        filterCount: (_, key, total) => filtered.push(`${key}=${total}`),
        tabCounts: () => {},
        countFailed: () => {},
      },
    );
  });
  afterEach(() => vi.useRealTimers());

  const land = async (i: number) => {
    rows.calls[i]!.resolve(page(String(i)));
    await vi.advanceTimersByTimeAsync(0);
  };

  test('the rows are asked first; the total and the tab counts only once the rows have landed', async () => {
    loader.load({ view, page: { kind: 'first' } });
    expect(asked).toEqual(['list ']);
    await land(0);
    expect(main()).toEqual(['list ', 'tabCounts', 'count ']);
    expect(shown).toHaveLength(1);
  });

  test('paging and sorting within one tab and search do not count again', async () => {
    loader.load({ view, page: { kind: 'first' } });
    await land(0);
    loader.load({ view, page: { kind: 'after', cursor: '0', pageIndex: 0 } });
    await land(1);
    loader.load({ view: { ...view, sort: 'email' }, page: { kind: 'first' } });
    await land(2);
    expect(asked.filter((a) => a.startsWith('count'))).toEqual(['count ']);
  });

  test('a search is counted only once it has stayed unchanged a while, so no count holds up the next keystroke', async () => {
    loader.load({ view: { ...view, query: 'k' }, page: { kind: 'first' } });
    await land(0);
    await vi.advanceTimersByTimeAsync(SEARCH_COUNT_DELAY_MS - 50);
    loader.load({ view: { ...view, query: 'ko' }, page: { kind: 'first' } }); // the next key, before the pause ends
    await vi.advanceTimersByTimeAsync(100);
    expect(asked.filter((a) => a.startsWith('count'))).toEqual([]);
    await land(1);
    await vi.advanceTimersByTimeAsync(SEARCH_COUNT_DELAY_MS - 1);
    expect(asked.filter((a) => a.startsWith('count'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked.filter((a) => a.startsWith('count'))).toEqual(['count ko']);
    expect(counted).toEqual([{ tab: 'active', query: 'ko', total: 2 }]);
  });

  test('typing faster than main answers shows only the newest search, never an older one after it', async () => {
    for (const q of ['k', 'ko', 'kow', 'kowa']) loader.load({ view: { ...view, query: q }, page: { kind: 'first' } });
    await land(0);
    await land(1);
    expect(asked.filter((a) => a.startsWith('list'))).toEqual(['list k', 'list kowa']);
    expect(shown.map((r) => r.view.query)).toEqual(['kowa']);
  });

  test('refresh fetches the same page again, counts again and fetches the tab counts again', async () => {
    const req: PeopleRequest = { view, page: { kind: 'first' } };
    loader.load(req);
    await land(0);
    asked = [];
    loader.refresh(req);
    await land(1);
    expect(main()).toEqual(['list ', 'tabCounts', 'count ']);
  });

  test("the filter menu's counts come one at a time, after the rows and the total", async () => {
    loader.load({ view, page: { kind: 'first' } });
    await land(0);
    const menu = asked.filter((a) => a.startsWith('filter'));
    expect(menu).toEqual([`filter ${filterKey(MENU_FILTERS[0])} `]);
    filterCounts.calls[0]!.resolve({ total: 7 });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked.filter((a) => a.startsWith('filter'))).toHaveLength(2);
    expect(filtered).toEqual([`${filterKey(MENU_FILTERS[0])}=7`]);
  });

  test("one filter count that fails does not stop the menu's other counts", async () => {
    loader.load({ view, page: { kind: 'first' } });
    await land(0);
    filterCounts.calls[0]!.reject(new Error('busy'));
    await vi.advanceTimersByTimeAsync(0);
    expect(filterCounts.calls).toHaveLength(2);
    filterCounts.calls[1]!.resolve({ total: 3 });
    await vi.advanceTimersByTimeAsync(0);
    expect(filtered).toEqual([`${filterKey(MENU_FILTERS[1])}=3`]);
  });

  test('a page asked while a filter count flies goes first: no further count starts until its rows land', async () => {
    loader.load({ view, page: { kind: 'first' } });
    await land(0);
    loader.load({ view, page: { kind: 'after', cursor: '0', pageIndex: 0 } });
    filterCounts.calls[0]!.resolve({ total: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked.filter((a) => a.startsWith('filter'))).toHaveLength(1);
    await land(1);
    expect(asked.filter((a) => a.startsWith('filter'))).toHaveLength(2);
  });

  test("the view's own filter is part of its total and its page request", async () => {
    const admins: View = { ...view, filter: { kind: 'admins' } };
    loader.load({ view: admins, page: { kind: 'first' } });
    expect(rows.calls[0]!.req).toMatchObject({ filter: { kind: 'admins' } });
    await land(0);
    expect(asked).toContain('filter admins ');
  });

  test('loaded again after dispose (an effect run again, as StrictMode does), the filter menu is counted again', async () => {
    loader.load({ view, page: { kind: 'first' } });
    loader.dispose();
    loader.load({ view, page: { kind: 'first' } }); // the same request: it waits for the one in flight
    await land(0);
    expect(asked.filter((a) => a.startsWith('filter'))).toEqual([`filter ${filterKey(MENU_FILTERS[0])} `]);
  });

  test('after dispose nothing more is shown', async () => {
    loader.load({ view, page: { kind: 'first' } });
    loader.dispose();
    await land(0);
    expect(shown).toEqual([]);
    expect(asked).toEqual(['list ']);
  });
});
