// One of a long Activity export's worker threads (exports/csv-on-workers.ts): turns batches of entry ids into CSV,
// so the wording of a million entries is shared between cores and main's loop only writes. Bundled on its own
// (scripts/build.mjs) and started with `eval` (main/core/workers/worker-code.ts).
import { serveCsvBatches } from '../exports/csv-batch-server.ts';
import { csvBatch } from './activity-csv.ts';
import { ActivityQuery } from './activity-query.ts';

serveCsvBatches((db) => {
  const query = new ActivityQuery(db);
  return (ids) => csvBatch(db, query, ids);
});
