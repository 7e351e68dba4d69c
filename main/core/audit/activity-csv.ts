// The Activity export's file: its columns and one batch of entries as CSV text. The same code runs here (a short
// export, or a database in memory) and on the export's worker threads (activity-export-worker.ts), so a file is
// the same byte for byte whichever wrote it.
import { KIND_LABELS } from '../../../common/audit-actions.ts';
import { changesLine, describeEntry, systemActor } from '../../../common/activity-wording.ts';
import { csvChunk, type CsvCell } from '../csv/csv-writer.ts';
import type { Db } from '../db/open-database.ts';
import { toEntries } from './activity-entries.ts';
import type { ActivityQuery } from './activity-query.ts';

export const CSV_HEADER = ['When (UTC)', 'What happened', 'Changes', 'Kind', 'Action', 'Acting person', 'Acting email', 'Concerned person', 'Concerned email', 'Times', 'Entry', 'Hash'];

/** The entries at these ids (in this order) as CSV lines; ids no longer in the log are left out. */
export function csvBatch(db: Db, query: ActivityQuery, ids: number[]): { text: string; rows: number } {
  const rows = query.rows(ids);
  const hashes = new Map(rows.map((r) => [r.id, r.hash?.toString('hex')]));
  const cells: CsvCell[][] = toEntries(db, rows).map((e) => {
    const { sentence, changes } = describeEntry(e);
    return [e.at, sentence, changesLine(changes), KIND_LABELS[e.kind], e.action, e.actor?.name ?? systemActor(e) ?? '', e.actor?.email ?? '', e.target?.name ?? '', e.target?.email ?? '', e.repeats, e.id, hashes.get(e.id) ?? ''];
  });
  return { text: csvChunk(cells), rows: cells.length };
}
