// The People list's state: tab, filter, search, sort and page. Each control sends its request from the event itself,
// before React renders anything (people-loader.ts decides what is asked when); the screen follows the answers.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { PeoplePage, Tab } from '../../../common/contract.ts';
import { filterKey, type PeopleFilter } from '../../../common/people-filter.ts';
import { call } from '../api.ts';
import { isStaleCursor, useLateAnswer } from './use-late-answer.ts';
import { PeopleLoader, type PageRequest, type PageSize, type PeopleRequest, type SortKey, type TabCounts, type View } from '../people-loader.ts';

export type { Direction, PageSize, SortKey } from '../people-loader.ts';

export const INITIAL_VIEW: View = { tab: 'active', query: '', filter: null, sort: 'name', direction: 'asc', pageSize: 25 };
const FIRST: PageRequest = { kind: 'first' };
const NO_COUNTS: Record<string, number> = {};

export interface PeopleList {
  /** The view the controls show: what was last asked for (its rows may still be on their way). */
  view: View;
  /** The rows on screen and the view they answer. */
  shown: { view: View; page: PeoplePage } | null;
  /** The total of the shown view's tab, search and filter, once counted. */
  total: number | null;
  /** Each filter's count (by filterKey) for the shown tab and search, as they arrive. */
  filterCounts: Record<string, number>;
  tabCounts: TabCounts | null;
  /** Rows were asked for more than LOADING_SHOWN_AFTER_MS ago and have not come back yet. */
  loading: boolean;
  error: string | null;
  actions: PeopleListActions;
}

/** Stable for the life of the page, so the parts of the page that take them need not re-render. */
export interface PeopleListActions {
  setTab: (tab: Tab) => void;
  /** Narrows the list to one kind of account (null: everyone in the tab). */
  setFilter: (filter: PeopleFilter | null) => void;
  /** What is typed in the search box (the box keeps its own text: a keystroke re-draws nothing but the rows). */
  setSearch: (text: string) => void;
  sortBy: (key: SortKey) => void;
  setPageSize: (size: PageSize) => void;
  first: () => void;
  previous: () => void;
  next: () => void;
  last: () => void;
  /** Fetches the current page, count and tab counts again (after any action, successful or not). */
  refresh: () => void;
}

export function usePeopleList(): PeopleList {
  const [view, setView] = useState<View>(INITIAL_VIEW);
  const [shown, setShown] = useState<{ view: View; page: PeoplePage } | null>(null);
  const [count, setCount] = useState<{ tab: Tab; query: string; filter: string; total: number } | null>(null);
  const [filterCounts, setFilterCounts] = useState<{ tab: Tab; query: string; counts: Record<string, number> } | null>(null);
  const [tabCounts, setTabCounts] = useState<TabCounts | null>(null);
  const { loading, asked, answered } = useLateAnswer();
  const [error, setError] = useState<string | null>(null);
  // What event handlers read: the latest request and the page on screen, without waiting for a render.
  const latest = useRef<{ request: PeopleRequest; shown: { view: View; page: PeoplePage } | null }>({ request: { view: INITIAL_VIEW, page: FIRST }, shown: null });

  // The loader's callbacks run when answers arrive, after render: they read the refs (and the loader) then.
  const [loader] = useState(
    // eslint-disable-next-line react-hooks/refs -- see above
    () =>
      new PeopleLoader(
        {
          listPeople: (input) => call('listPeople', input),
          countPeople: (input) => call('countPeople', input),
          tabCounts: () => call('tabCounts', {}),
        },
        {
          rows: (req, page) => {
            latest.current.shown = { view: req.view, page };
            setShown(latest.current.shown);
            setError(null);
            answered();
          },
          rowsFailed: (req, err) => {
            if (isStaleCursor(err, req.page)) {
              latest.current.request = { view: req.view, page: FIRST };
              // eslint-disable-next-line react-hooks/immutability -- runs on an answer, once `loader` is set
              loader.load(latest.current.request);
              return;
            }
            answered();
            setError(err instanceof Error ? err.message : String(err));
          },
          count: (of, total) => setCount({ tab: of.tab, query: of.query, filter: filterKey(of.filter), total }),
          filterCount: (of, key, total) =>
            setFilterCounts((was) =>
              was && was.tab === of.tab && was.query === of.query ? { ...was, counts: { ...was.counts, [key]: total } } : { ...of, counts: { [key]: total } },
            ),
          tabCounts: setTabCounts,
          countFailed: (err) => setError(err instanceof Error ? err.message : String(err)),
        },
      ),
  );

  useEffect(() => {
    loader.load(latest.current.request);
    asked();
    return () => loader.dispose();
  }, [loader, asked]);

  const actions = useMemo<PeopleListActions>(() => {
    const go = (next: View, page: PageRequest = FIRST) => {
      latest.current.request = { view: next, page };
      loader.load(latest.current.request); // sent before React renders the change
      asked();
      // The controls follow in a transition: React draws them after the input's own work (a closing menu) and
      // may pause to let the answer's rows in first.
      startTransition(() => setView(next));
    };
    const current = () => latest.current.request.view;
    /** Paging moves from the page on screen, and only while it belongs to the view the controls show. */
    const move = (page: (p: PeoplePage) => PageRequest | null) => {
      const on = latest.current.shown;
      if (!on || on.view !== current()) return;
      const request = page(on.page);
      if (request) go(on.view, request);
    };
    return {
      setTab: (tab) => go({ ...current(), tab }),
      setFilter: (filter) => go({ ...current(), filter }),
      setSearch: (text) => {
        const query = text.trim();
        if (query !== current().query) go({ ...current(), query });
      },
      sortBy: (key) => {
        const v = current();
        go({ ...v, sort: key, direction: v.sort === key && v.direction === 'asc' ? 'desc' : 'asc' });
      },
      setPageSize: (pageSize) => go({ ...current(), pageSize }),
      first: () => move(() => FIRST),
      previous: () => move((p) => (p.startCursor ? { kind: 'before', cursor: p.startCursor, pageIndex: p.pageIndex } : null)),
      next: () => move((p) => (p.endCursor ? { kind: 'after', cursor: p.endCursor, pageIndex: p.pageIndex } : null)),
      last: () => move(() => ({ kind: 'last' })),
      refresh: () => {
        loader.refresh(latest.current.request);
        asked();
      },
    };
  }, [loader, asked]);

  const sameSearch = !!shown && !!count && count.tab === shown.view.tab && count.query === shown.view.query && count.filter === filterKey(shown.view.filter);
  const sameCounts = !!shown && !!filterCounts && filterCounts.tab === shown.view.tab && filterCounts.query === shown.view.query;
  return {
    view,
    shown,
    // A count for another search, tab or filter would mislead, so none is shown until this view's arrives.
    total: sameSearch ? count.total : null,
    filterCounts: sameCounts ? filterCounts.counts : NO_COUNTS,
    tabCounts,
    loading,
    error,
    actions,
  };
}
