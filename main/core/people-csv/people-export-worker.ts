// One of a long People export's worker threads (exports/csv-on-workers.ts): looks up batches of people by id and
// turns them into CSV, so a million rows' reads and formatting are shared between cores and main's loop only reads
// the view's order and writes. Bundled on its own (scripts/build.mjs) and started with `eval` (workers/worker-code.ts).
import { serveCsvBatches } from '../exports/csv-batch-server.ts';
import { peopleCsvBatch } from './people-csv-rows.ts';

serveCsvBatches((db) => (ids) => peopleCsvBatch(db, ids));
