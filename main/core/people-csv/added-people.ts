// The people an import added, as main keeps them until they are invited: packed in byte buffers the worker hands
// over (transferred, not copied), not as 100,000 small objects. Main's young-generation collections copy every
// live object they find, and while the write ran they found the import's people arriving: pauses of 20–70 ms on
// main's loop at 100,000 rows. A buffer's bytes live outside the JS heap, so collections never walk or copy them.
import type { Added } from './import-protocol.ts';

/** Codes are shown as ABCDE-12345: fixed width, so a batch's codes are one run of ASCII bytes. */
const CODE_WIDTH = 11;

/** One message's worth: line, id and names as JSON rows, and the codes apart, so they can be wiped on their own. */
export interface AddedBatch {
  count: number;
  people: Uint8Array;
  codes: Uint8Array;
}

type PackedRow = [line: number, personId: number, firstName: string, lastName: string, email: string];

/** In the worker: a batch ready to post; pass `transfer` as postMessage's transfer list. */
export function packAdded(people: readonly Added[]): { batch: AddedBatch; transfer: ArrayBuffer[] } {
  const rows: PackedRow[] = people.map((p) => [p.line, p.personId, p.firstName, p.lastName, p.email]);
  const codes = people.map((p) => p.code);
  if (codes.some((c) => c.length !== CODE_WIDTH)) throw new Error('an invite code of an unexpected width');
  const batch = { count: people.length, people: new TextEncoder().encode(JSON.stringify(rows)), codes: new TextEncoder().encode(codes.join('')) };
  return { batch, transfer: [batch.people.buffer, batch.codes.buffer] };
}

function* unpack(batches: readonly AddedBatch[], withCodes: boolean): Generator<Added> {
  const decoder = new TextDecoder();
  for (const b of batches) {
    const rows = JSON.parse(decoder.decode(b.people)) as PackedRow[];
    const codes = withCodes ? decoder.decode(b.codes) : '';
    for (let k = 0; k < rows.length; k++) {
      const [line, personId, firstName, lastName, email] = rows[k] as PackedRow;
      yield { line, personId, firstName, lastName, email, code: withCodes ? codes.slice(k * CODE_WIDTH, (k + 1) * CODE_WIDTH) : '' };
    }
  }
}

/** In main: everyone added, in file order; their codes only until handed out (the codes CSV, or each email). */
export class AddedPeople {
  private batches: AddedBatch[] = [];
  private codesHeld = true;
  count = 0;

  append(batch: AddedBatch): void {
    this.batches.push(batch);
    this.count += batch.count;
  }

  /** In file order, decoded a batch at a time as the caller goes; codes are '' once handed out (or when not asked for). */
  list(options: { codes: boolean } = { codes: true }): Iterable<Added> {
    return unpack(this.batches, options.codes && this.codesHeld);
  }

  /**
   * The codes leave: from now on list() gives none, and the ones returned are wiped from memory as soon as the
   * caller has gone through them (or stops).
   */
  takeCodes(): Iterable<Added> {
    const batches = this.batches;
    const held = this.codesHeld;
    this.batches = batches.map((b) => ({ ...b, codes: new Uint8Array(0) }));
    this.codesHeld = false;
    return {
      *[Symbol.iterator]() {
        try {
          if (held) yield* unpack(batches, true);
        } finally {
          for (const b of batches) b.codes.fill(0);
        }
      },
    };
  }

  forgetCodes(): void {
    for (const b of this.batches) b.codes.fill(0);
    this.codesHeld = false;
  }

  clear(): void {
    this.forgetCodes();
    this.batches = [];
    this.count = 0;
  }
}
