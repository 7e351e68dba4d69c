// People → Export CSV: the view the admin is looking at (tab, search, filter, sort and direction), every row of it, through
// the transport's file delivery (save dialog or one-time download). The view's order is read in keyset batches
// through the same sorted-rows queries as the list pages, key columns only, and the people are looked up and written
// on worker threads (exports/csv-on-workers.ts) that read the same snapshot, so the file is in the order the page
// shows, memory stays flat and main's loop only reads ids and writes.
import type { ExportOutcome } from '../../../common/activity.ts';
import type { ParsedInput } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { signedInUser } from '../api/call-context.ts';
import { writeCsvChunks } from '../csv/csv-writer.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Db } from '../db/open-database.ts';
import { planList } from '../db/people-search.ts';
import { selectRows, SORTS, type Value } from '../db/people-sorted-rows.ts';
import { filterSql, tabValue } from '../db/people-where.ts';
import { AppError } from '../errors.ts';
import { csvOnWorkers, exportBatches, ORDER_READ } from '../exports/csv-on-workers.ts';
import type { FileDelivery } from '../exports/file-delivery.ts';
import type { Selection } from '../bulk/bulk-selection.ts';
import type { Clock } from '../services/clock.ts';
import { PEOPLE_CSV_HEADER, peopleCsvBatch } from './people-csv-rows.ts';

export interface PeopleExportDeps {
  db: Db;
  /** A read-only connection of its own for one export (closed when it is written). */
  openReader: () => Db;
  audit: AuditRepo;
  clock: Clock;
  delivery?: FileDelivery;
  /** The SQLite driver's binary the export's workers load (Electron's build of it, when packaged). */
  nativeBinding?: string;
}

export type PeopleView = ParsedInput<'exportPeople'>;

/**
 * Tells one snapshot from another for the export's workers (csv-on-workers.ts): every change to what the file shows
 * (names, email, role, status, last sign-in, a person added) is audited in the transaction that makes it.
 */
const SNAPSHOT_MARK = 'SELECT MAX(id) FROM audit_log';

/**
 * The ids of the view's people, in its order, a batch at a time (keyset: each batch starts after the last row). The
 * filter is judged at `now` for the whole file, so the rows agree with the count the admin saw.
 */
export function* viewIds(db: Db, view: PeopleView, now: number): Generator<number> {
  const spec = SORTS[view.sort];
  const filter = view.filter ? filterSql(view.filter, now) : undefined;
  const plan = planList(db, tabValue(view.tab), view.query, filter);
  let after: Value[] | undefined;
  for (;;) {
    const rows = selectRows(db, plan, { tab: view.tab, spec, descending: view.direction === 'desc', limit: ORDER_READ, offset: 0, after, filter, keyOnly: true });
    for (const row of rows) yield row.id;
    if (rows.length < ORDER_READ) return;
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
    return this.deliver(view.tab, (reader, now) => viewIds(reader, view, now), recordedView(view), ctx);
  }

  /** The people ticked on the People page: a view but the unticked rows (in its order), or the ticked ids (by name). */
  exportSelection(selection: Selection, ctx: CallContext): Promise<ExportOutcome> {
    if (selection.kind === 'view') {
      const { view } = selection;
      const except = new Set(selection.except);
      const ids = function* (reader: Db, now: number) {
        for (const id of viewIds(reader, view, now)) if (!except.has(id)) yield id;
      };
      return this.deliver(view.tab, ids, { ...recordedView(view), selected: true, unticked: except.size }, ctx);
    }
    const ids = (reader: Db) =>
      reader
        .prepare<[string], number>('SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id')
        .pluck()
        .iterate(JSON.stringify(selection.ids));
    return this.deliver('selected', ids, { selected: true }, ctx);
  }

  /**
   * `source` reads the ids in file order on the export's own snapshot, and the people are looked up in that same
   * snapshot (here, or on workers that hold it too); a view's filter is judged at `now`, once for the file.
   */
  private async deliver(part: string, source: (reader: Db, now: number) => Iterable<number>, recorded: Record<string, unknown>, ctx: CallContext): Promise<ExportOutcome> {
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
        let rows = 0;
        try {
          reader.exec('BEGIN');
          const snapshot = { sql: SNAPSHOT_MARK, mark: reader.prepare(SNAPSHOT_MARK).raw().get() };
          const { db, nativeBinding } = this.d;
          const batches = exportBatches(db, source(reader, clock.now()));
          const local = (ids: number[]) => peopleCsvBatch(reader, ids);
          const chunks = csvOnWorkers(db, batches, { worker: 'people-export-worker', local, snapshot, nativeBinding, onRows: (n) => (rows += n) });
          await writeCsvChunks(out, PEOPLE_CSV_HEADER, chunks, { signal });
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
