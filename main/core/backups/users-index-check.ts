// The users table's part of a backup's integrity check. PRAGMA integrity_check proves that each index holds exactly
// the rows' entries by seeking every row in every index: on a million people with ten indexes (text keys, most under
// NOCASE) that is ten million seeks, 15–25 s of one core and most of a verify. This checks the same with one scan
// of the table and one of each index, on its own worker beside SQLite's check of everything else:
//   - each index's entries, as a multiset, are what its rows put there: their count and a 64-bit fingerprint summed
//     over entries, keyed at random for each check (a changed, missing or extra entry changes it, but for a 2^-64
//     chance);
//   - the entries are in the index's order under its collations (what a seek relies on);
//   - a UNIQUE index holds no two equal keys.
// It runs only on Roster's own users indexes, each defined exactly as the migrations define it, in a UTF-8 file; a
// partial index's condition is then taken from the migrations, never from the file. Anything else (and integers
// beyond 2^53, which JavaScript numbers blur) is left to integrity_check(users). Not repeated: the stored values of
// generated columns, which SQLite computes from the row even in an index scan; their order is checked.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open-database.ts';
import { MIGRATIONS, type Migration } from '../db/migrations.ts';

/** At most this many problems are reported, like integrity_check(20). */
export const MAX_FINDINGS = 20;

type Collation = 'BINARY' | 'NOCASE' | 'RTRIM';
interface KeyColumn {
  name: string;
  collation: Collation;
  descending: boolean;
}
export interface IndexSpec {
  name: string;
  unique: boolean;
  columns: KeyColumn[];
  /** A partial index's condition, from the migrations. */
  where: string | null;
}

/** Whitespace and letter case aside (SQLite keeps a CREATE statement as written). */
const normalise = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\s*([(),=])\s*/g, '$1').trim().toLowerCase();

interface RosterIndex {
  /** The CREATE statement, normalised, as the file's sqlite_schema must hold it. */
  sql: string;
  /** A partial index's condition, as the migration wrote it. */
  where: string | null;
}

/** Roster's CREATE INDEX statements on users up to `version`, by name. */
export function usersIndexesAt(version: number, migrations: readonly Migration[] = MIGRATIONS): Map<string, RosterIndex> {
  const found = new Map<string, RosterIndex>();
  for (const m of [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version <= version)) {
    const sql = m.sql.replace(/--[^\n]*/g, '');
    for (const [statement] of sql.matchAll(/\b(?:CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX)\s[^;]*/gi)) {
      const create = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)\s+ON\s+users\s*\(/i.exec(statement);
      const drop = /^DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?(\w+)/i.exec(statement);
      if (create?.[1]) found.set(create[1], { sql: normalise(statement), where: /\)\s*WHERE\s+([\s\S]*?)\s*$/i.exec(statement)?.[1] ?? null });
      else if (drop?.[1]) found.delete(drop[1]);
    }
  }
  return found;
}

/**
 * The users indexes of the file open in `db` as this check reads them, or null when they are not exactly Roster's
 * (another index, another definition, an expression or a collation this check does not know).
 */
export function rosterUsersIndexes(db: Db): IndexSpec[] | null {
  const version = db.pragma('user_version', { simple: true }) as number;
  // Text is compared and hashed as decoded strings, which is SQLite's own order only in a UTF-8 file.
  if (db.pragma('encoding', { simple: true }) !== 'UTF-8') return null;
  // A column named like the rowid would stand for it in the queries below, and the entries' row pointers would go
  // unchecked.
  const columns = db.prepare<[], string>("SELECT lower(name) FROM pragma_table_xinfo('users')").pluck().all();
  if (columns.some((c) => ['rowid', '_rowid_', 'oid'].includes(c))) return null;
  const expected = usersIndexesAt(version);
  const indexes = db.prepare<[], { name: string; unique: number; partial: number }>('SELECT name, "unique", partial FROM pragma_index_list(\'users\')').all();
  // Every index SQLite keeps for users is Roster's, defined as the migrations define it, or the email column's.
  const sqlOf = db.prepare<[string], string | null>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck();
  const own = indexes.filter((i) => expected.get(i.name)?.sql === normalise(sqlOf.get(i.name) ?? ''));
  const autoindexes = indexes.filter((i) => i.name.startsWith('sqlite_autoindex_users_') && sqlOf.get(i.name) === null);
  if (own.length !== expected.size || own.length + autoindexes.length !== indexes.length) return null;
  const specs: IndexSpec[] = [];
  for (const index of indexes) {
    const columns: KeyColumn[] = [];
    for (const c of db.prepare<[string], { cid: number; name: string | null; desc: number; coll: string; key: number }>('SELECT cid, name, "desc", coll, key FROM pragma_index_xinfo(?)').all(index.name)) {
      if (!c.key) continue;
      if (c.cid < 0 || c.name === null || !['BINARY', 'NOCASE', 'RTRIM'].includes(c.coll)) return null;
      columns.push({ name: c.name, collation: c.coll as Collation, descending: c.desc === 1 });
    }
    const where = expected.get(index.name)?.where ?? null;
    if (index.partial && where === null) return null;
    specs.push({ name: index.name, unique: index.unique === 1, columns, where: index.partial ? where : null });
  }
  return specs;
}

// --- Fingerprints -------------------------------------------------------------------------------------------------

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** murmur3's 32-bit finaliser: spreads every input bit over the output, so summing lanes stays a good multiset hash. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One value's two 32-bit hashes (lanes), typed so 1, '1' and NULL differ; written to `lanes` (no allocation). */
const lanes = new Uint32Array(2);
/** Set when a value hashed since the last reset is an integer beyond 2^53 (see hashValue). */
const seen = { beyondSafeIntegers: false };
const startSeeing = () => {
  seen.beyondSafeIntegers = false;
};
function hashValue(v: unknown): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  if (typeof v === 'string') {
    h1 ^= 0x53;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
    }
    h2 ^= v.length;
  } else if (typeof v === 'number' || typeof v === 'bigint') {
    // Beyond 2^53 distinct integers read back as the same number: such a file gets SQLite's own check instead.
    if (Math.abs(Number(v)) >= 2 ** 53) seen.beyondSafeIntegers = true;
    f64[0] = Number(v);
    h1 = Math.imul(h1 ^ 0x4e ^ (u32[0] ?? 0), 0x01000193);
    h2 = Math.imul(h2 ^ (u32[1] ?? 0), 0x5bd1e995);
  } else if (v === null || v === undefined) {
    h1 ^= 0x5a;
  } else {
    const bytes = v as Uint8Array;
    h1 ^= 0x42;
    for (let i = 0; i < bytes.length; i++) {
      h1 = Math.imul(h1 ^ (bytes[i] ?? 0), 0x01000193);
      h2 = Math.imul(h2 ^ (bytes[i] ?? 0), 0x5bd1e995) ^ (h2 >>> 13);
    }
    h2 ^= bytes.length;
  }
  lanes[0] = fmix(h1);
  lanes[1] = fmix(h2);
}

/**
 * Count and two 32-bit lane sums of entries' hashes (order-free, so an index and its rows compare as multisets).
 * Each check seeds its entries with a random key, so a file cannot be crafted ahead of time to make changed
 * entries add up to the same sums.
 */
export class Fingerprint {
  count = 0;
  private a = 0;
  private b = 0;
  private h1 = 0;
  private h2 = 0;

  constructor(private readonly key: Uint32Array = new Uint32Array(2)) {}

  /** Starts an entry; then `value` (or `hashed`) for each of its values in order, then `end`. */
  begin(): void {
    this.h1 = 0x2545f491 ^ (this.key[0] ?? 0);
    this.h2 = 0x6c8e9cf5 ^ (this.key[1] ?? 0);
  }

  value(v: unknown): void {
    hashValue(v);
    this.hashed(lanes[0] ?? 0, lanes[1] ?? 0);
  }

  /** A value already hashed by hashValue (the table's side hashes each column once for every index). */
  hashed(l1: number, l2: number): void {
    this.h1 = Math.imul(this.h1 ^ l1, 0x9e3779b1) + 0x7f4a7c15;
    this.h2 = Math.imul(this.h2 ^ l2, 0x85ebca77) + 0x165667b1;
  }

  end(): void {
    this.count++;
    this.a = (this.a + fmix(this.h1 ^ (this.h2 >>> 7))) >>> 0;
    this.b = (this.b + fmix(this.h2 ^ Math.imul(this.h1, 0x27d4eb2d))) >>> 0;
  }

  add(values: readonly unknown[]): void {
    this.begin();
    for (let j = 0; j < values.length; j++) this.value(values[j]);
    this.end();
  }

  equals(other: Fingerprint): boolean {
    return this.count === other.count && this.a === other.a && this.b === other.b;
  }
}

// --- Order under SQLite's collations ------------------------------------------------------------------------------

/** A UTF-16 unit's place in code point order (what UTF-8 bytes compare by): surrogates sort above U+E000–U+FFFF. */
const codePointRank = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
/** NOCASE folds ASCII letters only, as SQLite's does. */
const folded = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

function compareText(x: string, y: string, collation: Collation): number {
  if (collation === 'RTRIM') {
    x = x.replace(/ +$/, '');
    y = y.replace(/ +$/, '');
  }
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let a = x.charCodeAt(i);
    let b = y.charCodeAt(i);
    if (collation === 'NOCASE') {
      a = folded(a);
      b = folded(b);
    }
    if (a !== b) return codePointRank(a) - codePointRank(b);
  }
  return x.length - y.length;
}

/** SQLite's order of two values: NULL, then numbers, then text (by collation), then blobs. */
export function compareValues(x: unknown, y: unknown, collation: Collation): number {
  const rank = (v: unknown) => (v === null || v === undefined ? 0 : typeof v === 'number' || typeof v === 'bigint' ? 1 : typeof v === 'string' ? 2 : 3);
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (rx === 1) return Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : 0;
  if (rx === 2) return compareText(x as string, y as string, collation);
  if (rx === 3) return Buffer.compare(x as Uint8Array, y as Uint8Array);
  return 0;
}

// --- The check ----------------------------------------------------------------------------------------------------

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Checks every users index against the table (see the top of this file). Returns the problems found, like
 * integrity_check's rows (an empty list means sound), or null when the file holds integers this check cannot tell
 * apart: then SQLite's own check must judge it.
 */
export function usersIndexFindings(db: Db, specs: readonly IndexSpec[]): string[] | null {
  const findings: string[] = [];
  const key = new Uint32Array(randomBytes(8).buffer);
  startSeeing();
  const say = (problem: string) => {
    if (findings.length < MAX_FINDINGS) findings.push(problem);
  };
  // SQLite hands each row (then each entry) to a function: ~3x faster than stepping through the rows from here.
  // The table: one scan; each row's entry for every index it belongs in (key columns, then the rowid).
  const names = [...new Set(specs.flatMap((s) => s.columns.map((c) => c.name)))];
  const at = new Map(names.map((n, i) => [n, i + 1]));
  const checks = specs.map((spec, i) => ({
    spec,
    // Where the row's values for this index are among the function's arguments.
    positions: spec.columns.map((c) => at.get(c.name) ?? 0),
    // Where the partial index's condition for the row is (-1: every row belongs).
    member: spec.where ? names.length + 1 + i : -1,
    fromRows: new Fingerprint(key),
  }));
  const h1 = new Uint32Array(names.length + 1);
  const h2 = new Uint32Array(names.length + 1);
  db.function('roster_check_row', { varargs: true, directOnly: true }, (...row: unknown[]) => {
    for (let c = 0; c <= names.length; c++) {
      hashValue(row[c]);
      h1[c] = lanes[0] ?? 0;
      h2[c] = lanes[1] ?? 0;
    }
    for (const { positions, member, fromRows } of checks) {
      if (member >= 0 && !row[member]) continue;
      fromRows.begin();
      for (const p of positions) fromRows.hashed(h1[p] ?? 0, h2[p] ?? 0);
      fromRows.hashed(h1[0] ?? 0, h2[0] ?? 0);
      fromRows.end();
    }
    return null;
  });
  const conditions = specs.map((s) => (s.where ? `(${s.where})` : '1'));
  db.prepare(`SELECT count(roster_check_row(rowid, ${[...names.map(quoted), ...conditions].join(', ')})) FROM users NOT INDEXED`).get();

  // Each index: one scan in its own order.
  for (const { spec, fromRows } of checks) {
    const fromIndex = new Fingerprint(key);
    const n = spec.columns.length;
    const collations = spec.columns.map((c) => c.collation);
    const direction = spec.columns.map((c) => (c.descending ? -1 : 1));
    let previous: unknown[] | null = null;
    let outOfOrder = 0;
    let duplicates = 0;
    db.function('roster_check_entry', { varargs: true, directOnly: true }, (...e: unknown[]) => {
      fromIndex.add(e);
      if (previous) {
        let c = 0;
        for (let k = 0; k < n && c === 0; k++) c = compareValues(previous[k], e[k], collations[k] ?? 'BINARY') * (direction[k] ?? 1);
        if (c === 0 && spec.unique && !e.slice(0, n).includes(null)) duplicates++;
        if (c === 0) c = Number(previous[n]) - Number(e[n]);
        if (c >= 0) outOfOrder++;
      }
      previous = e;
      return null;
    });
    const where = spec.where ? ` WHERE ${spec.where}` : '';
    db.prepare(`SELECT count(roster_check_entry(${[...spec.columns.map((c) => quoted(c.name)), 'rowid'].join(', ')})) FROM users INDEXED BY ${quoted(spec.name)}${where}`).get();
    if (!fromIndex.equals(fromRows)) {
      say(`index ${spec.name} does not hold exactly its rows' entries (${fromIndex.count.toLocaleString('en')} entries for ${fromRows.count.toLocaleString('en')} rows)`);
    }
    if (outOfOrder) say(`index ${spec.name} has ${outOfOrder.toLocaleString('en')} entries out of order`);
    if (duplicates) say(`non-unique entry in index ${spec.name} (${duplicates.toLocaleString('en')})`);
  }
  return seen.beyondSafeIntegers ? null : findings;
}
