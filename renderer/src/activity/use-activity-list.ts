// The Activity page's state: filters and page, fetched from main with stale answers ignored; the count follows the
// rows in a call of its own, so a slow count never holds the rows back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivityPage, ListActivityInput } from '../../../common/activity.ts';
import type { ActivityKind } from '../../../common/audit-actions.ts';
import { ApiError, call } from '../api.ts';

export type PageSize = ListActivityInput['pageSize'];
type PageRequest = NonNullable<ListActivityInput['page']>;

/** The person filter: who (as the page shows them) and their id. */
export interface PersonChoice {
  id: number;
  name: string;
  email: string;
}

export interface ActivityFilters {
  person: PersonChoice | null;
  kinds: ActivityKind[];
  /** [from, to) in ms; null ends are open. */
  from: number | null;
  to: number | null;
}

export interface ActivityList {
  filters: ActivityFilters;
  setFilters: (f: ActivityFilters) => void;
  pageSize: PageSize;
  setPageSize: (size: PageSize) => void;
  page: ActivityPage | null;
  total: number | null;
  loading: boolean;
  error: string | null;
  first: () => void;
  previous: () => void;
  next: () => void;
  last: () => void;
  refresh: () => void;
}

export const NO_FILTERS: ActivityFilters = { person: null, kinds: [], from: null, to: null };

export const filterInput = (f: ActivityFilters) => ({ personId: f.person?.id ?? null, kinds: f.kinds, from: f.from, to: f.to });

export function useActivityList(initial: ActivityFilters): ActivityList {
  const [filters, setFilters] = useState<ActivityFilters>(initial);
  const [pageSize, setPageSize] = useState<PageSize>(25);
  // Cursors belong to one view (filters, size): a changed view starts from its newest page without a second trip.
  const viewKey = JSON.stringify([filterInput(filters), pageSize]);
  const [pageRequest, setPageRequest] = useState<{ view: string; page: PageRequest }>({ view: viewKey, page: { kind: 'first' } });
  const effectivePage: PageRequest = pageRequest.view === viewKey ? pageRequest.page : { kind: 'first' };
  const pageJson = JSON.stringify(effectivePage);

  const [page, setPage] = useState<ActivityPage | null>(null);
  const [counted, setCounted] = useState<{ view: string; total: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  const goTo = useCallback((p: PageRequest) => setPageRequest({ view: viewKey, page: p }), [viewKey]);

  useEffect(() => {
    const id = ++latest.current;
    const isCurrent = () => id === latest.current;
    const [input] = JSON.parse(viewKey) as [ReturnType<typeof filterInput>];
    const request = JSON.parse(pageJson) as PageRequest;
    setLoading(true);
    void (async () => {
      try {
        const rows = await call('listActivity', { ...input, pageSize, page: request });
        if (!isCurrent()) return;
        setPage(rows);
        setError(null);
        setLoading(false);
        const count = await call('countActivity', input);
        if (isCurrent()) setCounted({ view: viewKey, total: count.total });
      } catch (err) {
        if (!isCurrent()) return;
        setLoading(false);
        if (err instanceof ApiError && err.code === 'VALIDATION' && err.field === 'page' && request.kind !== 'first') {
          setPageRequest({ view: viewKey, page: { kind: 'first' } });
          return;
        }
        setError(err instanceof Error ? err.message : String(err));
      }
    })();
    // viewKey captures the filters and the page size.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey, pageJson, generation]);

  return {
    filters,
    setFilters,
    pageSize,
    setPageSize,
    page,
    total: counted?.view === viewKey ? counted.total : null,
    loading,
    error,
    first: () => goTo({ kind: 'first' }),
    previous: () => page?.startCursor && goTo({ kind: 'before', cursor: page.startCursor, pageIndex: page.pageIndex }),
    next: () => page?.endCursor && goTo({ kind: 'after', cursor: page.endCursor, pageIndex: page.pageIndex }),
    last: () => goTo({ kind: 'last' }),
    refresh: () => setGeneration((g) => g + 1),
  };
}
