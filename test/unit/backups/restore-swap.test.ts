import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { finishInterruptedRestore, INCOMING_FILE, RESTORE_MARKER, swapInIncoming } from '../../../main/core/backups/restore-swap.ts';
import { tempDir } from '../harness.ts';

interface Folder {
  dir: string;
  current: string;
  incoming: string;
  saved: string;
}

/** A data folder whose roster.db has 3 rows, and an incoming file with one row. */
function folder(): Folder {
  const dir = tempDir();
  const current = path.join(dir, 'roster.db');
  const incoming = path.join(dir, INCOMING_FILE);
  for (const [file, rows] of [[current, 3], [incoming, 1]] as const) {
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    for (let i = 0; i < rows; i++) db.prepare('INSERT INTO t VALUES (?)').run(i);
    db.close();
  }
  return { dir, current, incoming, saved: path.join(dir, 'backups', 'saved.db') };
}

const rows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM t').pluck().get();
  } finally {
    db.close();
  }
};

describe('the restore swap', () => {
  it('refuses to move a database whose WAL still holds writes, and changes nothing', () => {
    const f = folder();
    const live = new Database(f.current);
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.prepare('INSERT INTO t VALUES (99)').run();
    // As a crash would leave it: the WAL holds a committed row the main file does not have yet.
    const crashed = tempDir();
    for (const name of ['roster.db', 'roster.db-wal', INCOMING_FILE]) fs.copyFileSync(path.join(f.dir, name), path.join(crashed, name));
    live.close();
    expect(() => swapInIncoming(crashed, { savedCurrentAs: path.join(crashed, 'saved.db'), from: 'x', startedAt: 1 })).toThrow(/not closed cleanly/);
    expect(fs.readdirSync(crashed).sort()).toEqual(['roster.db', 'roster.db-wal', INCOMING_FILE].sort());
    expect(rows(path.join(crashed, 'roster.db'))).toBe(4); // the WAL's row is still there
  });

  it('swaps in the incoming file, keeping the current one where the marker said, and leaves no marker', () => {
    const f = folder();
    const steps: string[] = [];
    swapInIncoming(f.dir, { savedCurrentAs: f.saved, from: 'b.db', startedAt: 1 }, (s) => steps.push(s));
    expect(steps).toEqual(['marker-written', 'current-moved', 'incoming-moved', 'marker-removed']);
    expect(rows(f.current)).toBe(1);
    expect(rows(f.saved)).toBe(3);
    expect(fs.existsSync(path.join(f.dir, RESTORE_MARKER))).toBe(false);
    expect(finishInterruptedRestore(f.dir)).toEqual({ kind: 'none' });
  });

  it.each([
    ['before anything moved', (_f: Folder) => {}, 'rolled-back', 3],
    ['between the two renames', (f: Folder) => fs.renameSync(f.current, f.saved), 'rolled-back', 3],
    ['after the new file was in place', (f: Folder) => {
        fs.renameSync(f.current, f.saved);
        fs.renameSync(f.incoming, f.current);
      }, 'completed', 1],
  ] as const)('finishes or rolls back a swap interrupted %s', (_when, crashAfter, outcome, expectedRows) => {
    const f = folder();
    fs.mkdirSync(path.dirname(f.saved));
    fs.writeFileSync(path.join(f.dir, RESTORE_MARKER), JSON.stringify({ savedCurrentAs: f.saved, from: 'b.db', startedAt: 5 }));
    crashAfter(f);
    expect(finishInterruptedRestore(f.dir).kind).toBe(outcome);
    expect(rows(f.current)).toBe(expectedRows);
    expect(fs.readdirSync(f.dir).filter((n) => n !== 'backups').sort()).toEqual(['roster.db']);
  });

  it('removes a prepared file that was never swapped in (no marker), and refuses a marker it did not write', () => {
    const f = folder();
    expect(finishInterruptedRestore(f.dir)).toEqual({ kind: 'none' });
    expect(fs.existsSync(f.incoming)).toBe(false);
    fs.writeFileSync(path.join(f.dir, RESTORE_MARKER), 'hello');
    expect(() => finishInterruptedRestore(f.dir)).toThrow(/not a restore marker/);
    expect(rows(f.current)).toBe(3);
  });
});
