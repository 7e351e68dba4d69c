// What the Activity page asks main, and when: the rows first, sent the moment the admin acts; the count after the
// rows and only when the filters changed (paging never changes a total), so a slow count never holds rows back.
// Plain TypeScript (no React) on the People list's LatestOnly, so its timing rules are unit-tested.
import type { ActivityFilter, ActivityPage, ListActivityInput } from '../../../common/activity.ts';
import { LatestOnly } from '../latest-only.ts';

export type PageSize = ListActivityInput['pageSize'];
export type PageRequest = NonNullable<ListActivityInput['page']>;
export type FilterInput = Pick<ActivityFilter, 'personId' | 'kinds' | 'from' | 'to'>;

/** What the table shows: cursors and page numbers only mean something within one view. */
export interface ActivityView {
  filter: FilterInput;
  pageSize: PageSize;
}

export interface ActivityRequest {
  view: ActivityView;
  page: PageRequest;
}

export interface ActivityApi {
  listActivity(input: ListActivityInput): Promise<ActivityPage>;
  countActivity(input: FilterInput): Promise<{ total: number }>;
}

export interface ActivityEvents {
  rows(req: ActivityRequest, page: ActivityPage): void;
  rowsFailed(req: ActivityRequest, error: unknown): void;
  count(of: FilterInput, total: number): void;
  countFailed(error: unknown): void;
}

export const filterKey = (f: FilterInput) => JSON.stringify([f.personId, f.kinds, f.from, f.to]);

export class ActivityLoader {
  private readonly rowCalls: LatestOnly<ActivityRequest, ActivityPage>;
  private readonly countCalls: LatestOnly<FilterInput, { total: number }>;
  /** The filter last counted (with the refresh generation): paging does not count again. */
  private counted = '';
  private generation = 0;
  private disposed = false;

  constructor(
    api: ActivityApi,
    private readonly events: ActivityEvents,
  ) {
    this.rowCalls = new LatestOnly(
      ({ view, page }) => api.listActivity({ ...view.filter, pageSize: view.pageSize, page }),
      (req, outcome) => {
        if (this.disposed) return;
        if (!outcome.ok) {
          events.rowsFailed(req, outcome.error);
          return;
        }
        events.rows(req, outcome.value);
        this.countIfNew(req.view.filter);
      },
    );
    this.countCalls = new LatestOnly(
      (filter) => api.countActivity(filter),
      (filter, outcome) => {
        if (this.disposed) return;
        if (outcome.ok) events.count(filter, outcome.value.total);
        else events.countFailed(outcome.error);
      },
      (filter) => `${this.generation}:${filterKey(filter)}`,
    );
  }

  /** Asks for a page now (or as soon as the one in flight lands); a newer ask replaces an older one. */
  load(req: ActivityRequest): void {
    this.disposed = false; // React's development mode mounts, disposes and mounts again
    this.rowCalls.request(req);
  }

  /** The same page again and its total afresh (new entries were recorded, or the log was checked again). */
  refresh(req: ActivityRequest): void {
    this.generation++;
    this.load(req);
  }

  dispose(): void {
    this.disposed = true;
    this.rowCalls.cancel();
    this.countCalls.cancel();
  }

  private countIfNew(filter: FilterInput): void {
    const key = `${this.generation}:${filterKey(filter)}`;
    if (key === this.counted) return;
    this.counted = key;
    this.countCalls.request(filter);
  }
}
