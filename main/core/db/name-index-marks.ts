// Marks along a tab's range of the name index: last names about `spacing` entries apart, so a count can scan the
// index between two marks at a time (people-counts.ts) without finding its way first. Finding a slice's end by
// skipping entries (OFFSET) cost ~0.07 µs an entry, 50-60 ms per count at 1M; the marks are found once and kept
// per connection. Marks are last names alone: a range on the index's first column is a plain seek, where a
// row-value range (last, first, id) is also tested on every entry. Any names in order cut the index into ranges
// that hold every entry exactly once, so marks gone stale (people added, renamed, deactivated since) make the
// slices uneven, never the count wrong; they are found again once the tab's size has moved by more than a tenth.
import type { Tab } from '../../../common/contract.ts';
import type { Db } from './open-database.ts';
import { SORTS } from './people-sorted-rows.ts';
import { tabValue } from './people-where.ts';

interface Marks {
  names: string[];
  /** The tab's size when they were found. */
  people: number;
}

const kept = new WeakMap<Db, Map<string, Marks>>();
/** Marks found per step of a count, between two turns of main's loop (~5 ms at 5,000 entries apart). */
const MARKS_PER_STEP = 15;

/** From a mark (inclusive), in the name index's collation. */
export const FROM_MARK = ' AND last_name >= ? COLLATE NOCASE';
/** Before a mark (exclusive). */
export const BEFORE_MARK = ' AND last_name < ? COLLATE NOCASE';

/**
 * The marks of `tab` (`people` in it now), about `spacing` entries apart (further where one last name has more),
 * found again if the tab's size moved by more than a tenth since. A generator: it yields between batches of marks,
 * so a caller on main's loop can give it a turn.
 */
export function* nameIndexMarks(db: Db, tab: Tab, people: number, spacing: number): Generator<'plan', string[], void> {
  const byTab = kept.get(db) ?? new Map<string, Marks>();
  kept.set(db, byTab);
  const key = `${tab}:${spacing}`;
  const known = byTab.get(key);
  if (known && Math.abs(known.people - people) <= people / 10) return known.names;
  const { index, columns } = SORTS.name;
  // The first entry `spacing` on whose last name differs from the mark before it: the next mark.
  const next = db
    .prepare<unknown[], string>(`SELECT last_name FROM users INDEXED BY ${index} WHERE is_active = ?${FROM_MARK.replace('>=', '>')} ORDER BY ${columns.join(', ')} LIMIT 1 OFFSET ?`)
    .pluck();
  const first = db.prepare<unknown[], string>(`SELECT last_name FROM users INDEXED BY ${index} WHERE is_active = ? ORDER BY ${columns.join(', ')} LIMIT 1 OFFSET ?`).pluck();
  const names: string[] = [];
  for (let mark = first.get(tabValue(tab), spacing - 1); mark !== undefined; mark = next.get(tabValue(tab), mark, spacing - 1)) {
    names.push(mark);
    if (names.length % MARKS_PER_STEP === 0) yield 'plan';
  }
  byTab.set(key, { names, people });
  return names;
}
