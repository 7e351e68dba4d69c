// The Activity page's state: filters and page. Each control sends its request from the event itself, before React
// renders anything (activity-loader.ts decides what is asked when); the screen follows the answers.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityPage } from '../../../common/activity.ts';
import type { ActivityKind } from '../../../common/audit-actions.ts';
import { call } from '../api.ts';
import { isStaleCursor, useLateAnswer } from '../hooks/use-late-answer.ts';
import { ActivityLoader, filterKey, type ActivityRequest, type FilterInput, type PageRequest, type PageSize } from './activity-loader.ts';

export type { PageSize } from './activity-loader.ts';

const FIRST: PageRequest = { kind: 'first' };

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

/** Stable for the life of the page. */
export interface ActivityActions {
  setFilters: (f: ActivityFilters) => void;
  setPageSize: (size: PageSize) => void;
  first: () => void;
  previous: () => void;
  next: () => void;
  last: () => void;
  refresh: () => void;
}

export interface ActivityList {
  /** What the controls show: what was last asked for (its rows may still be on their way). */
  filters: ActivityFilters;
  pageSize: PageSize;
  page: ActivityPage | null;
  /** The total for the filters of the rows on screen, once counted. */
  total: number | null;
  loading: boolean;
  error: string | null;
  actions: ActivityActions;
}

export const NO_FILTERS: ActivityFilters = { person: null, kinds: [], from: null, to: null };

export const filterInput = (f: ActivityFilters): FilterInput => ({ personId: f.person?.id ?? null, kinds: f.kinds, from: f.from, to: f.to });

/** The first page's call, sent from the click that opens Activity, before the page has even been drawn. */
export interface FirstPageCall {
  input: string;
  answer: Promise<ActivityPage>;
}

export function firstPageCall(person: PersonChoice | null): FirstPageCall {
  const input = { ...filterInput({ ...NO_FILTERS, person }), pageSize: 25 as PageSize, page: FIRST };
  const answer = call('listActivity', input);
  answer.catch(() => {}); // a failure is the page's to show, once it asks
  return { input: JSON.stringify(input), answer };
}

export function useActivityList(initial: ActivityFilters, sent: FirstPageCall | null = null): ActivityList {
  const [controls, setControls] = useState({ filters: initial, pageSize: 25 as PageSize });
  const [shown, setShown] = useState<{ req: ActivityRequest; page: ActivityPage } | null>(null);
  const [count, setCount] = useState<{ key: string; total: number } | null>(null);
  const { loading, asked, answered } = useLateAnswer();
  const [error, setError] = useState<string | null>(null);
  // What event handlers read without waiting for a render: the latest ask and the page on screen.
  const latest = useRef<{ request: ActivityRequest; shown: typeof shown }>({
    request: { view: { filter: filterInput(initial), pageSize: 25 }, page: FIRST },
    shown: null,
  });

  const firstCall = useRef(sent);
  // The loader's callbacks run when answers arrive, after render: they read the refs (and the loader) then.
  const [loader] = useState(
    // eslint-disable-next-line react-hooks/refs -- see above
    () =>
      new ActivityLoader(
        {
          listActivity: (input) => {
            // The call the opening click sent, when this is that very ask: taken once.
            const first = firstCall.current;
            const early = first && JSON.stringify(input) === first.input ? first.answer : null;
            firstCall.current = null;
            return early ?? call('listActivity', input);
          },
          countActivity: (input) => call('countActivity', input),
        },
        {
          rows: (req, page) => {
            latest.current.shown = { req, page };
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
          count: (of, total) => setCount({ key: filterKey(of), total }),
          countFailed: (err) => setError(err instanceof Error ? err.message : String(err)),
        },
      ),
  );

  useEffect(() => {
    loader.load(latest.current.request);
    asked();
    return () => loader.dispose();
  }, [loader, asked]);

  const actions = useMemo<ActivityActions>(() => {
    const go = (req: ActivityRequest) => {
      latest.current.request = req;
      loader.load(req); // sent before React renders the change
      asked();
    };
    const view = () => latest.current.request.view;
    /** Paging moves from the page on screen, and only while it belongs to the view the controls show. */
    const move = (page: (p: ActivityPage) => PageRequest | null) => {
      const on = latest.current.shown;
      if (!on || on.req.view !== view()) return;
      const request = page(on.page);
      if (request) go({ view: on.req.view, page: request });
    };
    return {
      setFilters: (filters) => {
        go({ view: { ...view(), filter: filterInput(filters) }, page: FIRST });
        startTransition(() => setControls((c) => ({ ...c, filters })));
      },
      setPageSize: (pageSize) => {
        go({ view: { ...view(), pageSize }, page: FIRST });
        startTransition(() => setControls((c) => ({ ...c, pageSize })));
      },
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

  const shownKey = shown ? filterKey(shown.req.view.filter) : null;
  return {
    ...controls,
    page: shown?.page ?? null,
    // A count for other filters would mislead, so none is shown until the shown filters' own arrives.
    total: count && count.key === shownKey ? count.total : null,
    loading,
    error,
    actions,
  };
}
