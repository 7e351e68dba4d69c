// Main's packed list of the people an import added: what goes in comes out, in order, and the codes leave once.
import { describe, expect, it } from 'vitest';
import { AddedPeople, packAdded } from '../../../main/core/people-csv/added-people.ts';
import type { Added } from '../../../main/core/people-csv/import-protocol.ts';

const person = (i: number): Added => ({ line: i + 2, personId: 100 + i, firstName: i % 2 ? 'Zoë' : 'Quote "Q"', lastName: 'Ní Bhriain, Jr.', email: `p${i}@example.org`, code: `ABCDE-${String(10000 + i)}` });

function filled(batches: number[]): { added: AddedPeople; people: Added[]; codeBytes: Uint8Array[] } {
  const added = new AddedPeople();
  const people: Added[] = [];
  const codeBytes: Uint8Array[] = [];
  for (const size of batches) {
    const batch = Array.from({ length: size }, (_, k) => person(people.length + k));
    people.push(...batch);
    const packed = packAdded(batch).batch;
    codeBytes.push(packed.codes);
    added.append(packed);
  }
  return { added, people, codeBytes };
}

describe('The people an import added', () => {
  it('come back as they went in, in order, across batches, accents and quotes included', () => {
    const { added, people } = filled([3, 1, 4]);
    expect(added.count).toBe(8);
    expect([...added.list()]).toEqual(people);
  });

  it('hand their codes out once: taken, the bytes are wiped and the list has none', () => {
    const { added, people, codeBytes } = filled([2, 3]);
    expect([...added.takeCodes()].map((a) => a.code)).toEqual(people.map((p) => p.code));
    expect(codeBytes.every((b) => b.length > 0 && b.every((byte) => byte === 0))).toBe(true);
    expect([...added.list()].map((a) => a.code)).toEqual(people.map(() => ''));
    expect([...added.takeCodes()]).toEqual([]);
  });

  it('wipe the codes even when the one taking them stops half-way (a download cut short)', () => {
    const { added, codeBytes } = filled([2, 2]);
    for (const a of added.takeCodes()) if (a.line > 0) break;
    expect(codeBytes.every((b) => b.every((byte) => byte === 0))).toBe(true);
    expect([...added.list()].map((a) => a.email)).toEqual(['p0@example.org', 'p1@example.org', 'p2@example.org', 'p3@example.org']);
  });

  it('forget their codes on request, and everything on clear', () => {
    const { added, codeBytes } = filled([2]);
    added.forgetCodes();
    expect(codeBytes[0]!.every((byte) => byte === 0)).toBe(true);
    expect([...added.list()].map((a) => a.code)).toEqual(['', '']);
    added.clear();
    expect(added.count).toBe(0);
    expect([...added.list()]).toEqual([]);
  });
});
