// An audit entry's details name the People filter an export used; Activity words it with storedFilter, a reader
// without zod (the export's workers load it). It must accept exactly what the contract's schema accepts.
import { describe, expect, it } from 'vitest';
import { IDLE_DAYS_MAX, MENU_FILTERS, storedFilter } from '../../../common/people-filter.ts';
import { peopleFilter } from '../../../common/people-filter-schema.ts';

const CANDIDATES: unknown[] = [
  ...MENU_FILTERS,
  { kind: 'noSignInFor', days: 1 },
  { kind: 'noSignInFor', days: IDLE_DAYS_MAX },
  { kind: 'noSignInFor', days: IDLE_DAYS_MAX + 1 },
  { kind: 'noSignInFor', days: 0 },
  { kind: 'noSignInFor', days: 2.5 },
  { kind: 'noSignInFor', days: '30' },
  { kind: 'noSignInFor' },
  { kind: 'admins', days: 30 },
  { kind: 'admins', extra: true },
  { kind: 'everyone' },
  { kind: 'toString' },
  { kind: '__proto__' },
  {},
  [],
  [{ kind: 'admins' }],
  'admins',
  42,
  null,
  undefined,
];

describe('a People filter read back from an audit entry', () => {
  it.each(CANDIDATES.map((c) => [c === undefined ? "undefined" : JSON.stringify(c), c]))('%s: the reader and the schema agree', (_, value) => {
    const parsed = peopleFilter.safeParse(value);
    expect(storedFilter(value)).toEqual(parsed.success ? parsed.data : null);
  });

  it('every filter the menu offers reads back as itself', () => {
    for (const filter of MENU_FILTERS) expect(storedFilter(JSON.parse(JSON.stringify(filter)))).toEqual(filter);
  });
});
