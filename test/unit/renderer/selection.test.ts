// The People page's selection as data: ticks, the page's header box, "all matching" less the unticked, the caps,
// and what main is sent (a short id list, or the view itself: never the ids of a whole view).
import { describe, expect, it } from 'vitest';
import { MAX_EXCLUDED_IDS, MAX_PICKED_IDS } from '../../../common/bulk.ts';
import type { Person } from '../../../common/contract.ts';
import { isSelected, NO_SELECTION, pageState, selectAllMatching, selectedCount, SelectionFull, setTicked, toInput } from '../../../renderer/src/bulk/selection.ts';
import type { View } from '../../../renderer/src/people-loader.ts';

const person = (id: number): Person => ({
  id,
  firstName: `P${id}`,
  lastName: 'Test',
  email: `p${id}@example.org`,
  role: 'user',
  status: 'active',
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deactivatedAt: null,
  temporaryPasswordExpiresAt: null,
  lockedUntil: null,
});
const VIEW: View = { tab: 'active', query: 'example', filter: { kind: 'noSignInFor', days: 90 }, sort: 'email', direction: 'desc', pageSize: 25 };
const page = [person(1), person(2), person(3)];

describe('the People selection', () => {
  it('ticks and unticks rows, and the header box follows: none, some, all', () => {
    let s = setTicked(NO_SELECTION, [person(1)], true);
    expect(pageState(s, page)).toBe('some');
    s = setTicked(s, page, true);
    expect([pageState(s, page), selectedCount(s)]).toEqual(['all', 3]);
    s = setTicked(s, [person(2)], false);
    expect([isSelected(s, 1), isSelected(s, 2)]).toEqual([true, false]);
    s = setTicked(s, page, false);
    expect(s).toEqual(NO_SELECTION);
    expect(toInput(s)).toBeNull();
  });

  it('sends ticked rows as their ids', () => {
    expect(toInput(setTicked(NO_SELECTION, [person(7), person(9)], true))).toEqual({ kind: 'ids', ids: [7, 9] });
  });

  it('"all matching" is sent as the view and the rows unticked since, whatever its size', () => {
    let s = selectAllMatching(VIEW, 1_000_000);
    expect(selectedCount(s)).toBe(1_000_000);
    s = setTicked(s, [person(2)], false);
    expect([selectedCount(s), isSelected(s, 2), isSelected(s, 123_456)]).toEqual([999_999, false, true]);
    expect(toInput(s)).toEqual({ kind: 'view', view: { tab: 'active', query: 'example', filter: { kind: 'noSignInFor', days: 90 }, sort: 'email', direction: 'desc' }, except: [2] });
    expect(toInput(setTicked(s, [person(2)], true))).toMatchObject({ except: [] });
  });

  it('refuses a tick past the caps, leaving the selection as it was', () => {
    const many = Array.from({ length: MAX_PICKED_IDS }, (_, i) => person(i + 1));
    const full = setTicked(NO_SELECTION, many, true);
    expect(() => setTicked(full, [person(MAX_PICKED_IDS + 1)], true)).toThrow(SelectionFull);
    expect(selectedCount(full)).toBe(MAX_PICKED_IDS);
    const unticked = setTicked(selectAllMatching(VIEW, 5000), Array.from({ length: MAX_EXCLUDED_IDS }, (_, i) => person(i + 1)), false);
    expect(() => setTicked(unticked, [person(MAX_EXCLUDED_IDS + 1)], false)).toThrow(SelectionFull);
  });
});
