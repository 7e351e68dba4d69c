// The People list's state: tab, search, sort and page, fetched from main with stale answers ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListPeopleInput, PeoplePage, Tab } from '../../../common/contract.ts';
import { ApiError, call } from '../api.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

export type SortKey = NonNullable<ListPeopleInput['sort']>;
export type Direction = 'asc' | 'desc';
export type PageSize = ListPeopleInput['pageSize'];
type PageRequest = NonNullable<ListPeopleInput['page']>;

export const SEARCH_DEBOUNCE_MS = 200;

export interface PeopleList {
  tab: Tab;
  setTab: (tab: Tab) => void;
  /** What is typed in the search box (the query sent to main follows it after a short pause). */
  search: string;
  setSearch: (text: string) => void;
  /** The query the shown rows answer. */
  query: string;
  sort: SortKey;
  direction: Direction;
  sortBy: (key: SortKey) => void;
  pageSize: PageSize;
  setPageSize: (size: PageSize) => void;
  page: PeoplePage | null;
  total: number | null;
  tabCounts: { active: number; deactivated: number } | null;
  loading: boolean;
  error: string | null;
  first: () => void;
  previous: () => void;
  next: () => void;
  last: () => void;
  /** Fetches the current page, count and tab counts again (after any action, successful or not). */
  refresh: () => void;
}

export function usePeopleList(): PeopleList {
  const [tab, setTabState] = useState<Tab>('active');
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'name', direction: 'asc' });
  const [pageSize, setPageSize] = useState<PageSize>(25);
  // A page request belongs to one view (tab, query, sort, size); cursors mean nothing in another one, so a
  // changed view starts from its first page without a second round trip.
  const viewKey = JSON.stringify([tab, query, sort.key, sort.direction, pageSize]);
  const [pageRequest, setPageRequest] = useState<{ view: string; page: PageRequest }>({ view: viewKey, page: { kind: 'first' } });
  const effectivePage: PageRequest = pageRequest.view === viewKey ? pageRequest.page : { kind: 'first' };

  const [page, setPage] = useState<PeoplePage | null>(null);
  const [counted, setCounted] = useState<{ view: string; total: number } | null>(null);
  const [tabCounts, setTabCounts] = useState<{ active: number; deactivated: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  const goTo = useCallback((p: PageRequest) => setPageRequest({ view: viewKey, page: p }), [viewKey]);
  const pageJson = JSON.stringify(effectivePage);

  useEffect(() => {
    const id = ++latest.current;
    const isCurrent = () => id === latest.current;
    const page = JSON.parse(pageJson) as PageRequest;
    setLoading(true);
    void (async () => {
      try {
        const rows = await call('listPeople', { tab, query, sort: sort.key, direction: sort.direction, pageSize, page });
        if (!isCurrent()) return;
        setPage(rows);
        setError(null);
        setLoading(false);
        // Counting can be slower than a page of rows; the page shows first, the counts follow.
        const [count, counts] = await Promise.all([call('countPeople', { tab, query }), call('tabCounts', {})]);
        if (!isCurrent()) return;
        setCounted({ view: viewKey, total: count.total });
        setTabCounts(counts);
      } catch (err) {
        if (!isCurrent()) return;
        setLoading(false);
        if (err instanceof ApiError && err.code === 'VALIDATION' && err.field === 'page' && page.kind !== 'first') {
          setPageRequest({ view: viewKey, page: { kind: 'first' } });
          return;
        }
        setError(err instanceof Error ? err.message : String(err));
      }
    })();
    // viewKey captures tab, query, sort and pageSize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey, pageJson, generation]);

  return {
    tab,
    setTab: setTabState,
    search,
    setSearch,
    query,
    sort: sort.key,
    direction: sort.direction,
    sortBy: (key) =>
      setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' })),
    pageSize,
    setPageSize,
    page,
    // A count for another search or tab would mislead, so none is shown until this view's arrives.
    total: counted?.view === viewKey ? counted.total : null,
    tabCounts,
    loading,
    error,
    first: () => goTo({ kind: 'first' }),
    previous: () => page?.startCursor && goTo({ kind: 'before', cursor: page.startCursor, pageIndex: page.pageIndex }),
    next: () => page?.endCursor && goTo({ kind: 'after', cursor: page.endCursor, pageIndex: page.pageIndex }),
    last: () => goTo({ kind: 'last' }),
    refresh: () => setGeneration((g) => g + 1),
  };
}
