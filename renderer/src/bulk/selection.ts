// Which people the admin has ticked on the People page, as plain data (no React) so its rules are unit-tested:
// rows ticked one by one (a short id list, capped), or "all matching" a view (the view itself, never its ids) less
// the rows unticked since. What main is sent is built here too.
import { MAX_EXCLUDED_IDS, MAX_PICKED_IDS } from '../../../common/bulk.ts';
import type { MethodInput, Person } from '../../../common/contract.ts';
import type { View } from '../people-loader.ts';

export type PeopleSelection =
  | { kind: 'none' }
  /** Ticked row by row; the Person objects give the names the bar shows. */
  | { kind: 'ids'; people: ReadonlyMap<number, Person> }
  /** Everyone the view matches (its total when chosen), but the rows unticked. */
  | { kind: 'all'; view: View; total: number; except: ReadonlySet<number> };

export type SelectionInput = MethodInput<'runBulk'>['selection'];

export const NO_SELECTION: PeopleSelection = { kind: 'none' };

/** A tick the caps refuse: the selection stays as it was and the admin is told why. */
export class SelectionFull extends Error {}

export function isSelected(s: PeopleSelection, id: number): boolean {
  if (s.kind === 'ids') return s.people.has(id);
  if (s.kind === 'all') return !s.except.has(id);
  return false;
}

/** How many people are selected (for "all": as counted when chosen, less the unticked). */
export function selectedCount(s: PeopleSelection): number {
  if (s.kind === 'ids') return s.people.size;
  if (s.kind === 'all') return Math.max(0, s.total - s.except.size);
  return 0;
}

function withIds(people: Map<number, Person>): PeopleSelection {
  return people.size === 0 ? NO_SELECTION : { kind: 'ids', people };
}

/** Ticks or unticks the people given; throws SelectionFull past a cap, changing nothing. */
export function setTicked(s: PeopleSelection, people: readonly Person[], on: boolean): PeopleSelection {
  if (s.kind === 'all') {
    const except = new Set(s.except);
    for (const p of people) {
      if (on) except.delete(p.id);
      else except.add(p.id);
    }
    if (except.size > MAX_EXCLUDED_IDS) throw new SelectionFull(`At most ${MAX_EXCLUDED_IDS.toLocaleString('en')} people can be left out of a whole selection. Narrow the search instead.`);
    return { ...s, except };
  }
  const ticked = new Map(s.kind === 'ids' ? s.people : []);
  for (const p of people) {
    if (on) ticked.set(p.id, p);
    else ticked.delete(p.id);
  }
  if (ticked.size > MAX_PICKED_IDS) throw new SelectionFull(`At most ${MAX_PICKED_IDS.toLocaleString('en')} people can be ticked one by one. Use “Select all matching” instead.`);
  return withIds(ticked);
}

export function selectAllMatching(view: View, total: number): PeopleSelection {
  return { kind: 'all', view, total, except: new Set() };
}

/** The page's header box: ticked when every row is, mixed when some are. */
export function pageState(s: PeopleSelection, rows: readonly Person[]): 'none' | 'some' | 'all' {
  const ticked = rows.filter((p) => isSelected(s, p.id)).length;
  if (ticked === 0) return 'none';
  return ticked === rows.length ? 'all' : 'some';
}

/** What main is sent: the ids, or the view (tab, search, filter, sort) and the rows unticked. */
export function toInput(s: PeopleSelection): SelectionInput | null {
  if (s.kind === 'ids') return { kind: 'ids', ids: [...s.people.keys()] };
  if (s.kind === 'all') {
    const { tab, query, filter, sort, direction } = s.view;
    return { kind: 'view', view: { tab, query, filter, sort, direction }, except: [...s.except] };
  }
  return null;
}
