// The head record: the newest audit entry's id and hash, kept outside the database in the data folder
// (audit-head.json). The hash chain shows that no entry was changed or removed in the middle of the log; only
// this outside record shows that the log was not cut short or rewritten whole by someone who can write SQL.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../backups/durable-files.ts';

export const AUDIT_HEAD_FILE = 'audit-head.json';

export interface HeadRecord {
  /** The newest entry when the record was last written (0: the log was empty). */
  id: number;
  /** That entry's hash, hex. */
  hash: string;
  /** Since when this record has followed this log: the entry and time it was started at. */
  since: { id: number; at: number };
}

const isRecord = (v: unknown): v is HeadRecord => {
  const r = v as Partial<HeadRecord> | null | undefined;
  return (
    !!r &&
    Number.isSafeInteger(r.id) &&
    (r.id ?? -1) >= 0 &&
    typeof r.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(r.hash) &&
    !!r.since &&
    Number.isSafeInteger(r.since.id) &&
    Number.isSafeInteger(r.since.at)
  );
};

export type ReadHead = { state: 'present'; record: HeadRecord } | { state: 'missing' } | { state: 'unreadable'; detail: string };

export function readHeadRecord(dataDir: string): ReadHead {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, AUDIT_HEAD_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', detail: (err as Error).message };
  }
  try {
    const record: unknown = JSON.parse(text);
    if (isRecord(record)) return { state: 'present', record };
  } catch {
    /* below */
  }
  return { state: 'unreadable', detail: `${AUDIT_HEAD_FILE} is not a head record Roster wrote` };
}

const serialise = (record: HeadRecord) => `${JSON.stringify(record)}\n`;

/** For the restore's swap: on disk (flushed) before the swap's marker is removed. */
export function writeHeadRecordDurably(dataDir: string, record: HeadRecord): void {
  writeFileDurably(path.join(dataDir, AUDIT_HEAD_FILE), serialise(record));
}

/** For every new entry: off the main loop (the thread pool writes and flushes), whole or not at all. */
export async function writeHeadRecord(dataDir: string, record: HeadRecord): Promise<void> {
  const file = path.join(dataDir, AUDIT_HEAD_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.promises.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(serialise(record));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(tmp, file);
}
