// People → Export CSV: the view the admin is looking at (tab, search, filter, sort and direction), every row of it, through
// the transport's file delivery (save dialog or one-time download). Rows are read in keyset batches through the
// same sorted-rows queries as the list pages, so the file is in the order the page shows and memory stays flat.
import type { ExportOutcome } from '../../../common/activity.ts';
import type { ParsedInput } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import { writeCsv, type CsvCell } from '../csv/csv-writer.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { planList } from '../db/people-search.ts';
import { selectRows, SORTS, type Value } from '../db/people-sorted-rows.ts';
import { filterSql, tabValue } from '../db/people-where.ts';
import { statusOf, type UserRow } from '../db/users-repo.ts';
import { AppError } from '../errors.ts';
import type { FileDelivery } from '../exports/file-delivery.ts';
import type { Selection } from '../bulk/bulk-selection.ts';
import type { Clock } from '../services/clock.ts';

export interface PeopleExportDeps {
  db: Db;
  /** A read-only connection of its own for one export (closed when it is written). */
  openReader: () => Db;
  audit: AuditRepo;
  clock: Clock;
  delivery?: FileDelivery;
}

export type PeopleView = ParsedInput<'exportPeople'>;

export const PEOPLE_CSV_HEADER = ['First name', 'Last name', 'Email', 'Role', 'Status', 'Last login (UTC)', 'Created (UTC)'];
/** Rows per query: one query per chunk the CSV writer writes between turns of the loop. */
const BATCH = 500;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function csvRow(r: UserRow): CsvCell[] {
  return [r.first_name, r.last_name, r.email, r.role, statusOf(r), iso(r.last_login_at), iso(r.created_at)];
}

/**
 * Every row of the view, in its order, a batch at a time (keyset: each batch starts after the last row). The filter
 * is judged at `now` for the whole file, so the rows agree with the count the admin saw.
 */
export function* viewRows(db: Db, view: PeopleView, now: number): Generator<UserRow> {
  const spec = SORTS[view.sort];
  const filter = view.filter ? filterSql(view.filter, now) : undefined;
  const plan = planList(db, tabValue(view.tab), view.query, filter);
  let after: Value[] | undefined;
  for (;;) {
    const rows = selectRows(db, plan, { tab: view.tab, spec, descending: view.direction === 'desc', limit: BATCH, offset: 0, after, filter });
    yield* rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    if (!last) return;
    after = spec.values(last);
  }
}

/** What the audit entry says about a view: which part of the list was copied (the filter only when there was one). */
const recordedView = (view: PeopleView) => ({
  tab: view.tab,
  search: view.query,
  ...(view.filter ? { filter: view.filter } : {}),
  sort: view.sort,
  direction: view.direction,
});

export class PeopleExport {
  constructor(private readonly d: PeopleExportDeps) {}

  export(view: PeopleView, ctx: CallContext): Promise<ExportOutcome> {
    return this.deliver(view.tab, (reader, now) => viewRows(reader, view, now), recordedView(view), ctx);
  }

  /** The people ticked on the People page: a view but the unticked rows (in its order), or the ticked ids (by name). */
  exportSelection(selection: Selection, ctx: CallContext): Promise<ExportOutcome> {
    if (selection.kind === 'view') {
      const { view } = selection;
      const except = new Set(selection.except);
      const rows = function* (reader: Db, now: number) {
        for (const row of viewRows(reader, view, now)) if (!except.has(row.id)) yield row;
      };
      return this.deliver(view.tab, rows, { ...recordedView(view), selected: true, unticked: except.size }, ctx);
    }
    const rows = (reader: Db) =>
      reader
        .prepare<[string], UserRow>('SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id')
        .iterate(JSON.stringify(selection.ids));
    return this.deliver('selected', rows, { selected: true }, ctx);
  }

  /** `source` reads the rows on the export's own snapshot; a view's filter is judged at `now`, once for the file. */
  private async deliver(part: string, source: (reader: Db, now: number) => Iterable<UserRow>, recorded: Record<string, unknown>, ctx: CallContext): Promise<ExportOutcome> {
    if (!this.d.delivery) throw new AppError('NOT_SUPPORTED', 'Exporting needs the desktop app or browser mode.');
    const actor = signedInUser(ctx);
    const { audit, clock } = this.d;
    const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
    const outcome = await this.d.delivery.deliver({
      fileName: `roster-people-${part}-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      authorise: () => ctx.recheck(),
      write: async (out, signal) => {
        // One snapshot for the whole file: people added or changed while it is written belong to the next export.
        const reader = this.d.openReader();
        let rows: number;
        try {
          reader.exec('BEGIN');
          rows = await writeCsv(out, PEOPLE_CSV_HEADER, mapRows(source(reader, clock.now()), csvRow), { signal });
        } finally {
          reader.close();
        }
        // Who took a copy of the people list, and which part: recorded once the file is whole.
        ctx.transaction(() => audit.record(clock.now(), actor.id, 'people_exported', null, { ...recorded, rows }));
        return rows;
      },
    });
    return outcome;
  }
}

function* mapRows<T, U>(rows: Iterable<T>, map: (row: T) => U): Generator<U> {
  for (const row of rows) yield map(row);
}
