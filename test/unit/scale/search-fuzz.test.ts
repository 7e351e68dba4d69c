// Any search text, however odd, gets either a page or a VALIDATION error through the dispatcher: never INTERNAL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tabField } from '../../../common/contract.ts';
import { startTestRoster } from '../harness.ts';
import { fillTrickyPeople } from './tricky-people.ts';

/** A signed-in admin over a few hundred awkward people (each test gets its own: the harness closes it after). */
async function adminOverTrickyPeople() {
  const t = await startTestRoster();
  const admin = await t.admin();
  fillTrickyPeople(t.roster.db, 500, 3);
  return admin;
}

describe('Trust 9: the search path is fuzzed', () => {
  it('a NUL or other control character in a search is a VALIDATION error, for listPeople and countPeople', async () => {
    const admin = await adminOverTrickyPeople();
    for (const query of ['a\u0000b', 'abc\u0000', '\u0000\u0000\u0000', 'ab\u001fc', 'x\u007fyz', 'a\tb', 'a\nbc']) {
      const listed = await admin.raw('listPeople', { tab: 'active', pageSize: 25, query });
      expect(listed, JSON.stringify(query)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'query' } });
      const counted = await admin.raw('countPeople', { tab: 'active', query });
      expect(counted, JSON.stringify(query)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'query' } });
    }
  });

  it('any string as a search gives a page or a VALIDATION error, never INTERNAL', async () => {
    const admin = await adminOverTrickyPeople();
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '"', "'", '*', '%', '_', '\\', '\u0000', '\u001f', '-', '^', ':', '(', ')', 'N', 'O', 'R', ' '), maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(...tabField.options), async (query, tab) => {
        for (const [method, payload] of [
          ['listPeople', { tab, pageSize: 25, query }],
          ['countPeople', { tab, query }],
        ] as const) {
          const result = await admin.raw(method, payload);
          if (!result.ok) expect(result.error.code, `${method} ${JSON.stringify(query)}`).toBe('VALIDATION');
        }
      }),
      { numRuns: 300 },
    );
  });
});
