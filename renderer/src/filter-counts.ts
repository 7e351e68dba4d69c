// The People filters' counts ("Never signed in (1,204)"): asked one at a time, only while no rows are being asked
// for, so a page the admin wants never waits behind more than one count. Plain TypeScript, unit-tested.
import type { Tab } from '../../common/contract.ts';
import { filterKey, type PeopleFilter } from '../../common/people-filter.ts';

export interface CountsOf {
  tab: Tab;
  query: string;
}

export type CountFilter = (input: CountsOf & { filter: PeopleFilter }) => Promise<{ total: number }>;

export class FilterCounter {
  private wanted: { of: CountsOf; generation: number; filters: PeopleFilter[] } | null = null;
  /** Counted already for the wanted view: filter keys. */
  private done = new Set<string>();
  private running = false;
  private disposed = false;

  constructor(
    private readonly count: CountFilter,
    private readonly deliver: (of: CountsOf, key: string, total: number) => void,
    private readonly failed: (error: unknown) => void,
    /** True while rows are asked for: no count starts then. */
    private readonly rowsBusy: () => boolean,
  ) {}

  /** Counts these filters for this tab and search (again only when the view or the generation changed). */
  want(of: CountsOf, generation: number, filters: PeopleFilter[]): void {
    // Asked again after dispose: the page is back (React runs an effect's cleanup and then the effect again, as
    // StrictMode does in development), so counting resumes rather than staying stopped for good.
    this.disposed = false;
    const same = this.wanted && this.wanted.generation === generation && this.wanted.of.tab === of.tab && this.wanted.of.query === of.query;
    if (!same) this.done = new Set();
    this.wanted = { of, generation, filters };
    this.pump();
  }

  /** Stops starting counts until counts are wanted again (the one in flight still lands, undelivered). */
  dispose(): void {
    this.disposed = true;
  }

  /** Rows just landed, or a count did: start the next count if there is one and nothing else is asked. */
  pump(): void {
    const wanted = this.wanted;
    if (this.disposed || this.running || !wanted || this.rowsBusy()) return;
    const next = wanted.filters.find((f) => !this.done.has(filterKey(f)));
    if (!next) return;
    const key = filterKey(next);
    this.done.add(key);
    this.running = true;
    this.count({ ...wanted.of, filter: next }).then(
      ({ total }) => {
        this.running = false;
        if (!this.disposed && this.wanted === wanted) this.deliver(wanted.of, key, total);
        this.pump();
      },
      (err: unknown) => {
        this.running = false;
        if (this.disposed) return;
        this.failed(err);
        this.pump(); // that filter stays uncounted until the view changes; the others are still counted
      },
    );
  }
}
