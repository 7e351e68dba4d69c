// What the People list asks main, and when: rows first, sent the moment the admin acts; the count and the tab
// counts after the rows, never in their way. Plain TypeScript (no React), so its timing rules are unit-tested.
import type { ListPeopleInput, PeoplePage, SortDirection, SortKey, Tab } from '../../common/contract.ts';
import { filterKey, MENU_FILTERS, type PeopleFilter } from '../../common/people-filter.ts';
import { FilterCounter, type CountsOf } from './filter-counts.ts';
import { LatestOnly, type Outcome } from './latest-only.ts';

export type { SortKey };
export type Direction = SortDirection;
export type PageSize = ListPeopleInput['pageSize'];
export type PageRequest = NonNullable<ListPeopleInput['page']>;

/** What the list shows: cursors and page numbers only mean something within one view. */
export interface View {
  tab: Tab;
  /** Trimmed search text. */
  query: string;
  /** The filter chosen beside the tabs, or null for everyone in the tab. */
  filter: PeopleFilter | null;
  sort: SortKey;
  direction: Direction;
  pageSize: PageSize;
}

export interface PeopleRequest {
  view: View;
  page: PageRequest;
}

export type TabCounts = { active: number; deactivated: number };
/** What a total counts: a tab, a search and a filter. */
export type CountOf = CountsOf & { filter: PeopleFilter | null };

export interface PeopleApi {
  listPeople(input: ListPeopleInput): Promise<PeoplePage>;
  countPeople(input: CountOf): Promise<{ total: number }>;
  tabCounts(): Promise<TabCounts>;
}

export interface PeopleEvents {
  rows(req: PeopleRequest, page: PeoplePage): void;
  rowsFailed(req: PeopleRequest, error: unknown): void;
  count(of: CountOf, total: number): void;
  tabCounts(counts: TabCounts): void;
  /** One filter's count for a tab and search (the filter menu shows it beside the filter). */
  filterCount(of: CountsOf, key: string, total: number): void;
  /** A count or the tab counts could not be had. */
  countFailed(error: unknown): void;
}

/**
 * How long a search must stay unchanged before its total is counted. Counting a common term among a million
 * people takes main ~100–200 ms, during which it answers nothing else; counted after every keystroke, it would
 * hold up the rows of the next one. A pause this long means the admin has stopped typing.
 */
export const SEARCH_COUNT_DELAY_MS = 300;

export class PeopleLoader {
  private readonly rowCalls: LatestOnly<PeopleRequest, PeoplePage>;
  private readonly countCalls: LatestOnly<CountOf, { total: number }>;
  private readonly filterCounts: FilterCounter;
  private generation = 0;
  /** The count last asked for (generation, tab, query): paging and sorting do not change a total. */
  private countAsked = '';
  private tabCountsWanted = true;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: PeopleApi,
    private readonly events: PeopleEvents,
    private readonly countDelayMs = SEARCH_COUNT_DELAY_MS,
  ) {
    this.rowCalls = new LatestOnly(
      ({ view, page }) => api.listPeople({ ...view, page }),
      (req, outcome) => this.rowsLanded(req, outcome),
    );
    this.countCalls = new LatestOnly(
      (of) => api.countPeople(of),
      (of, outcome) => {
        if (outcome.ok) events.count(of, outcome.value.total);
        else events.countFailed(outcome.error);
        this.filterCounts.pump();
      },
    );
    this.filterCounts = new FilterCounter(
      (input) => api.countPeople(input),
      (of, key, total) => events.filterCount(of, key, total),
      (err) => events.countFailed(err),
      () => this.rowCalls.busy || this.countCalls.busy,
    );
  }

  /** Asks for a page now (or as soon as the request in flight lands); any count still to come waits for it. */
  load(req: PeopleRequest): void {
    clearTimeout(this.countTimer);
    this.rowCalls.request(req);
  }

  /** After a change: the same page again, and its total and the tab counts afresh. */
  refresh(req: PeopleRequest): void {
    this.generation++;
    this.tabCountsWanted = true;
    this.load(req);
  }

  /** Nothing more is delivered (the page went away). */
  dispose(): void {
    clearTimeout(this.countTimer);
    this.rowCalls.cancel();
    this.countCalls.cancel();
    this.filterCounts.dispose();
  }

  private rowsLanded(req: PeopleRequest, outcome: Outcome<PeoplePage>): void {
    if (!outcome.ok) { this.events.rowsFailed(req, outcome.error); return; }
    this.events.rows(req, outcome.value);
    if (this.tabCountsWanted) {
      this.tabCountsWanted = false;
      this.api.tabCounts().then(
        (c) => this.events.tabCounts(c),
        (err: unknown) => this.events.countFailed(err),
      );
    }
    const of: CountOf = { tab: req.view.tab, query: req.view.query, filter: req.view.filter };
    // The filter menu's counts: every filter it lists (and a custom one chosen), for this tab and search.
    const menu = req.view.filter && !MENU_FILTERS.some((f) => filterKey(f) === filterKey(req.view.filter)) ? [...MENU_FILTERS, req.view.filter] : MENU_FILTERS;
    const countFilters = () => this.filterCounts.want({ tab: of.tab, query: of.query }, this.generation, menu);
    const key = JSON.stringify([this.generation, of.tab, of.query, filterKey(of.filter)]);
    if (key === this.countAsked) {
      countFilters();
      return;
    }
    const count = () => {
      this.countAsked = key;
      this.countCalls.request(of);
      countFilters(); // they start once the total has landed
    };
    // Without a search or filter the total is a kept count (instant); else count once the typing has paused.
    if (!of.query) count();
    else this.countTimer = setTimeout(count, this.countDelayMs);
  }
}
