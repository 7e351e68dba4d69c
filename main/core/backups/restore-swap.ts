// Puts a restored database in place of the current one so that a crash at any moment leaves one or the other,
// never a mix. The new file is prepared beside the old one (roster.db.incoming, complete and flushed) before a
// marker says a swap is under way; the swap itself is two renames; the next start reads the marker and either
// finishes (the new file is in place) or rolls back (it is not). See finishInterruptedRestore.
import fs from 'node:fs';
import path from 'node:path';
import { writeHeadRecordDurably, type HeadRecord } from '../audit/audit-head-file.ts';
import { DATABASE_FILE } from '../data-dir.ts';
import { removeIfPresent, renameDurably, writeFileDurably } from './durable-files.ts';

export const INCOMING_FILE = `${DATABASE_FILE}.incoming`;
export const RESTORE_MARKER = 'restore-in-progress.json';

/** The points between the swap's steps; tests stop the process at each one. */
export const SWAP_STEPS = ['marker-written', 'current-moved', 'incoming-moved', 'marker-removed'] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];

interface Marker {
  /** Where the current database goes (and comes back from, on a roll-back). */
  savedCurrentAs: string;
  from: string;
  startedAt: number;
  /** The restored database's audit head: the record outside the database follows the log that is now in place. */
  auditHead?: HeadRecord;
}

export type RecoveryOutcome =
  | { kind: 'none' }
  | { kind: 'completed'; from: string; savedCurrentAs: string; startedAt: number }
  | { kind: 'rolled-back'; from: string; startedAt: number };

const exists = (f: string) => fs.existsSync(f);

/**
 * Swaps roster.db.incoming in. The database must be closed, with its WAL checkpointed into the main file (the
 * app's closeDatabase does that), so the file moved away is the whole database.
 */
export function swapInIncoming(
  dataDir: string,
  marker: Marker,
  onStep: (step: SwapStep) => void = () => {},
): void {
  const current = path.join(dataDir, DATABASE_FILE);
  const incoming = path.join(dataDir, INCOMING_FILE);
  if (!exists(incoming)) throw new Error('the restored database is not ready (roster.db.incoming is missing)');
  const wal = `${current}-wal`;
  // A WAL with frames in it holds committed writes not yet in roster.db: moving roster.db alone would lose them.
  if (exists(wal) && fs.statSync(wal).size > 0) throw new Error('the current database was not closed cleanly (its WAL is not empty)');
  removeIfPresent(wal);
  removeIfPresent(`${current}-shm`);
  fs.mkdirSync(path.dirname(marker.savedCurrentAs), { recursive: true, mode: 0o700 });

  writeFileDurably(path.join(dataDir, RESTORE_MARKER), `${JSON.stringify(marker)}\n`);
  onStep('marker-written');
  if (exists(current)) renameDurably(current, marker.savedCurrentAs); // absent only in a folder never used yet
  onStep('current-moved');
  renameDurably(incoming, current);
  onStep('incoming-moved');
  if (marker.auditHead) writeHeadRecordDurably(dataDir, marker.auditHead);
  removeIfPresent(path.join(dataDir, RESTORE_MARKER));
  onStep('marker-removed');
}

function readMarker(file: string): Marker | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const m = JSON.parse(text) as Marker;
    if (typeof m.savedCurrentAs === 'string' && typeof m.from === 'string') return m;
  } catch {
    /* handled below */
  }
  // The marker is written whole or not at all (temporary file + rename), so this is not a crash: someone edited it.
  throw new Error(`${file} is not a restore marker Roster wrote. Move it away after checking which database you want to keep.`);
}

/**
 * Runs at every start, before the database opens: finishes or rolls back a swap a crash interrupted, and removes
 * a prepared file that was never swapped in. The rule: the restore happened if and only if the incoming file was
 * renamed into place.
 */
export function finishInterruptedRestore(dataDir: string): RecoveryOutcome {
  const current = path.join(dataDir, DATABASE_FILE);
  const incoming = path.join(dataDir, INCOMING_FILE);
  const markerFile = path.join(dataDir, RESTORE_MARKER);
  const marker = readMarker(markerFile);
  if (!marker) {
    for (const f of [incoming, `${incoming}-journal`, `${incoming}-wal`, `${incoming}-shm`]) removeIfPresent(f);
    return { kind: 'none' };
  }
  if (exists(incoming)) {
    // Not swapped in: the current database stays (moved back if the crash came between the two renames).
    if (!exists(current) && exists(marker.savedCurrentAs)) renameDurably(marker.savedCurrentAs, current);
    for (const f of [incoming, `${incoming}-journal`]) removeIfPresent(f);
    removeIfPresent(markerFile);
    return { kind: 'rolled-back', from: marker.from, startedAt: marker.startedAt };
  }
  if (!exists(current)) throw new Error(`A restore was interrupted and neither database is in place; the previous one should be at ${marker.savedCurrentAs}.`);
  if (marker.auditHead) writeHeadRecordDurably(dataDir, marker.auditHead);
  removeIfPresent(markerFile);
  return { kind: 'completed', from: marker.from, savedCurrentAs: marker.savedCurrentAs, startedAt: marker.startedAt };
}
