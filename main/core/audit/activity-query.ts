// The Activity page's rows, newest first, as index ranges: a filter becomes one "stream" per index range it needs
// (one per action for kinds, an acting and a concerned range per action for a person), each read in (at, id)
// order from its own index and merged. The streams read only (at, id), which every index holds (a covering read:
// no table row is touched); only the entries that win the merge are then read whole. Pages are keyset (a cursor is
// the (at, id) of an edge row); a stream is read lazily, so an export of a million entries holds one small batch
// per stream at a time.
import type { ActivityFilter } from '../../../common/activity.ts';
import { ACTIVITY_KINDS, actionsOfKinds, AUDIT_ACTION_NAMES } from '../../../common/audit-actions.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database.ts';
import { AppError } from '../errors.ts';
import type { ChainedFields } from './audit-chain.ts';

export interface AuditRow extends ChainedFields {
  repeats: number | null;
  hash: Buffer | null;
}

/** One index range: the index (see migration 4) and the equality terms that pick the range. */
export interface Stream {
  index: string;
  where: string;
  params: (string | number)[];
}

export type Position = [at: number, id: number];
/** Where an entry stands in the page's order: what the streams read and merge. */
export interface Edge {
  id: number;
  at: number;
}
/** Older: newest first, going back in time. Newer: the other way (the page before a cursor, the last page). */
export type Direction = 'older' | 'newer';

const COLUMNS = 'id, at, actor_id, action, target_id, details, repeats, hash';
/** Equal to the concerned-person index's own WHERE, so SQLite may use that (partial) index. */
const NOT_SELF = 'actor_id IS NOT target_id';
const FAR_FUTURE = 8_640_000_000_000_000;

export function streamsFor(filter: Pick<ActivityFilter, 'personId' | 'kinds'>): Stream[] {
  const someKinds = filter.kinds.length > 0 && filter.kinds.length < ACTIVITY_KINDS.length;
  const actions = someKinds ? actionsOfKinds(filter.kinds) : null;
  if (filter.personId === null) {
    if (!actions) return [{ index: 'audit_by_time', where: '', params: [] }];
    return actions.map((a) => ({ index: 'audit_by_action', where: 'action = ?', params: [a] }));
  }
  const person = filter.personId;
  return (actions ?? AUDIT_ACTION_NAMES).flatMap((a) => [
    { index: 'audit_by_actor', where: 'actor_id = ? AND action = ?', params: [person, a] },
    { index: 'audit_by_target', where: `target_id = ? AND action = ? AND ${NOT_SELF}`, params: [person, a] },
  ]);
}

export function encodePosition(p: Position): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodePosition(cursor: string): Position {
  try {
    const p: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(p) && p.length === 2 && p.every((v) => Number.isSafeInteger(v))) return p as Position;
  } catch {
    /* below */
  }
  throw new AppError('VALIDATION', 'That list position is no longer valid. Showing the first page.', { field: 'page' });
}

/** Entries strictly older (or newer) than a position come first in that direction. */
const ahead = (a: Edge, b: Edge, direction: Direction) =>
  direction === 'older' ? a.at > b.at || (a.at === b.at && a.id > b.id) : a.at < b.at || (a.at === b.at && a.id < b.id);

export class ActivityQuery {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** The SQL of one stream's batch: its range, the time range, past `after` when given, in the direction's order. */
  sql(stream: Stream, direction: Direction, withCursor: boolean, count = false): string {
    const dir = direction === 'older' ? 'DESC' : 'ASC';
    const terms = [stream.where, 'at >= ? AND at < ?', withCursor ? `(at, id) ${direction === 'older' ? '<' : '>'} (?, ?)` : ''].filter(Boolean).join(' AND ');
    if (count) return `SELECT COUNT(*) FROM audit_log INDEXED BY ${stream.index} WHERE ${terms}`;
    return `SELECT id, at FROM audit_log INDEXED BY ${stream.index} WHERE ${terms} ORDER BY at ${dir}, id ${dir} LIMIT ?`;
  }

  /**
   * Entries of every stream merged in the direction's order, read `batch` at a time per stream, starting past
   * `start`. Lazy: only what is taken is read (plus one batch per stream).
   */
  *edges(streams: Stream[], range: Pick<ActivityFilter, 'from' | 'to'>, direction: Direction, batch: number, start?: Position): Generator<Edge> {
    // Past a cursor, the time bound on that side moves to the cursor's time: the index range then starts at the
    // cursor (the row-value test alone is a filter, and every batch would read again from the range's far end).
    const bounds = (last?: Position): [number, number] => {
      const lo = range.from ?? 0;
      const hi = range.to ?? FAR_FUTURE;
      if (!last) return [lo, hi];
      return direction === 'older' ? [lo, Math.min(hi, last[0] + 1)] : [Math.max(lo, last[0]), hi];
    };
    // Many streams (a person: two per action) share one page: each starts with a small batch and doubles it
    // while it keeps supplying rows, so the streams that hold nothing recent cost one short read each.
    const firstSize = Math.min(batch, Math.max(4, Math.ceil(batch / streams.length) + 1));
    const cursors = streams.map((stream) => ({ stream, buffer: [] as Edge[], pos: 0, exhausted: false, last: start, size: firstSize }));
    const peek = (c: (typeof cursors)[number]): Edge | undefined => {
      if (c.pos >= c.buffer.length && !c.exhausted) {
        const sql = this.sql(c.stream, direction, !!c.last);
        c.buffer = this.statement(sql).all(...c.stream.params, ...bounds(c.last), ...(c.last ?? []), c.size) as Edge[];
        c.pos = 0;
        c.exhausted = c.buffer.length < c.size;
        c.size = Math.min(batch, c.size * 2);
        const tail = c.buffer[c.buffer.length - 1];
        if (tail) c.last = [tail.at, tail.id];
      }
      return c.buffer[c.pos];
    };
    for (;;) {
      let best: (typeof cursors)[number] | null = null;
      let bestRow: Edge | undefined;
      for (const c of cursors) {
        const row = peek(c);
        if (row && (!bestRow || ahead(row, bestRow, direction))) {
          best = c;
          bestRow = row;
        }
      }
      if (!best || !bestRow) return;
      best.pos++;
      yield bestRow;
    }
  }

  /** The entries at these ids, whole, in the order given. */
  rows(ids: number[]): AuditRow[] {
    if (ids.length === 0) return [];
    // One statement for any number of ids (a list of `?` would prepare, and keep, one per length).
    const found = this.statement(`SELECT ${COLUMNS} FROM audit_log WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as AuditRow[];
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is AuditRow => r !== undefined);
  }

  take(streams: Stream[], range: Pick<ActivityFilter, 'from' | 'to'>, direction: Direction, limit: number, start?: Position): AuditRow[] {
    const ids: number[] = [];
    if (limit <= 0) return [];
    for (const edge of this.edges(streams, range, direction, limit, start)) {
      ids.push(edge.id);
      if (ids.length === limit) break;
    }
    return this.rows(ids);
  }

  count(streams: Stream[], range: Pick<ActivityFilter, 'from' | 'to'>): number {
    const bounds = [range.from ?? 0, range.to ?? FAR_FUTURE];
    let total = 0;
    for (const s of streams) total += this.statement(this.sql(s, 'older', false, true)).pluck().get(...s.params, ...bounds) as number;
    return total;
  }
}
