// Admin Panel → Activity: the audit log read newest first through filters that combine, counted apart from the
// rows, checked for tampering, and exported as CSV. Reads only; the log is written by the services that act.
import type { ActivityFilter, ActivityPage, ExportOutcome, LogVerification } from '../../../common/activity.ts';
import type { ParsedInput } from '../../../common/contract.ts';
import type { CallContext } from '../api/call-context.ts';
import { writeCsvChunks } from '../csv/csv-writer.ts';
import { csvOnWorkers, exportBatches, ORDER_READ } from '../exports/csv-on-workers.ts';
import { lastPage } from '../db/last-page.ts';
import type { Db } from '../db/open-database.ts';
import { AppError } from '../errors.ts';
import type { FileDelivery } from '../exports/file-delivery.ts';
import type { Clock } from '../services/clock.ts';
import { CSV_HEADER, csvBatch } from './activity-csv.ts';
import { toEntries } from './activity-entries.ts';
import { ActivityQuery, decodePosition, encodePosition, streamsFor, type AuditRow, type Position } from './activity-query.ts';
import { readHeadRecord } from './audit-head-file.ts';
import { verifyChain } from './chain-verify.ts';

export interface ActivityDeps {
  db: Db;
  dataDir: string;
  clock: Clock;
  /** Where exports go: a save dialog (Electron) or a one-time download (browser mode); absent, exports are refused. */
  delivery?: FileDelivery;
  /** The SQLite driver's binary the chain check's and the export's workers load (Electron's build of it, when packaged). */
  nativeBinding?: string;
}


const position = (r: AuditRow): Position => [r.at, r.id];

export class ActivityService {
  private readonly query;
  private verification: LogVerification | null = null;
  private verifying: Promise<LogVerification> | null = null;

  constructor(private readonly d: ActivityDeps) {
    this.query = new ActivityQuery(d.db);
  }

  list(input: ParsedInput<'listActivity'>): ActivityPage {
    const streams = streamsFor(input);
    const size = input.pageSize;
    const page = input.page;
    let rows: AuditRow[];
    let pageIndex: number;
    let hasPrevious: boolean;
    let hasNext: boolean;
    if (page.kind === 'first' || page.kind === 'after') {
      const fetched = this.query.take(streams, input, 'older', size + 1, page.kind === 'after' ? decodePosition(page.cursor) : undefined);
      hasNext = fetched.length > size;
      rows = fetched.slice(0, size);
      pageIndex = page.kind === 'after' ? page.pageIndex + 1 : 0;
      hasPrevious = pageIndex > 0;
    } else if (page.kind === 'before') {
      const fetched = this.query.take(streams, input, 'newer', size + 1, decodePosition(page.cursor));
      hasPrevious = fetched.length > size;
      rows = fetched.slice(0, size).reverse();
      pageIndex = hasPrevious ? Math.max(0, page.pageIndex - 1) : 0; // newer entries may have arrived above
      hasNext = true;
    } else {
      const end = lastPage(this.query.count(streams, input), size);
      rows = this.query.take(streams, input, 'newer', end.rows).reverse();
      pageIndex = end.index;
      hasPrevious = end.index > 0;
      hasNext = false;
    }
    const first = rows[0];
    const last = rows[rows.length - 1];
    return {
      entries: toEntries(this.d.db, rows),
      pageIndex,
      hasPrevious,
      hasNext,
      startCursor: first ? encodePosition(position(first)) : null,
      endCursor: last ? encodePosition(position(last)) : null,
    };
  }

  count(filter: ActivityFilter): { total: number } {
    return { total: this.query.count(streamsFor(filter), filter) };
  }

  /** The last check's verdict, or a new check (joined if one is running) when asked or when none has run. */
  verify(input: ParsedInput<'verifyActivityLog'>): Promise<LogVerification> {
    if (this.verification && !input.recheck) return Promise.resolve(this.verification);
    this.verifying ??= verifyChain(this.d.db, { head: readHeadRecord(this.d.dataDir), now: () => this.d.clock.now(), nativeBinding: this.d.nativeBinding })
      .then((result) => (this.verification = result))
      .finally(() => (this.verifying = null));
    return this.verifying;
  }

  /** The filtered entries as CSV, newest first, through the transport's delivery. */
  async export(filter: ActivityFilter, ctx: CallContext): Promise<ExportOutcome> {
    if (!this.d.delivery) throw new AppError('NOT_SUPPORTED', 'Exporting needs the desktop app or browser mode.');
    const { clock } = this.d;
    const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
    return this.d.delivery.deliver({
      fileName: `roster-activity-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      authorise: () => ctx.recheck(),
      write: async (out, signal) => {
        // Entries from here back: what is recorded while the file is written belongs to the next export.
        const batches = this.idBatches(filter, [clock.now() + 1, 0]);
        let rows = 0;
        const { db, nativeBinding } = this.d;
        const local = (ids: number[]) => csvBatch(db, this.query, ids);
        const chunks = csvOnWorkers(db, batches, { worker: 'activity-export-worker', local, nativeBinding, onRows: (n) => (rows += n) });
        await writeCsvChunks(out, CSV_HEADER, chunks, { signal });
        return rows;
      },
    });
  }

  /** The ids of the filtered entries, newest first, in export batches. */
  private idBatches(filter: ActivityFilter, start: Position): Generator<number[]> {
    const edges = this.query.edges(streamsFor(filter), filter, 'older', ORDER_READ, start);
    return exportBatches(
      this.d.db,
      (function* () {
        for (const edge of edges) yield edge.id;
      })(),
    );
  }
}
