// The audit log's hash chain: each entry's hash is SHA-256 over the previous entry's hash and a canonical encoding
// of the entry itself, so changing, removing or reordering any entry changes every hash after it. Pure functions:
// the recorder, the upgrade that chains old entries, the verifier (also on its worker thread) and the CLI use them.
import crypto from 'node:crypto';

/** The "previous hash" of the first entry. */
export const GENESIS: Buffer = Buffer.alloc(32);

/** The columns an entry's hash covers, as stored. `repeats` is not covered: it grows after the entry is written. */
export interface ChainedFields {
  id: number;
  at: number;
  actor_id: number | null;
  action: string;
  target_id: number | null;
  details: string;
}

/**
 * v1|id|at|actor|action|target|details, nulls empty. Unambiguous: every field before details is a number, empty,
 * or an action name (letters and underscores), and details, free text, comes last and runs to the end.
 */
export function canonical(e: ChainedFields): string {
  return `v1|${e.id}|${e.at}|${e.actor_id ?? ''}|${e.action}|${e.target_id ?? ''}|${e.details}`;
}

// crypto.hash (Node >= 20.12) is a one-shot without a Hash object per entry, and asked for hex it skips making a
// Buffer: 0.6 us an entry against 2.9 us for a Buffer and 5 us for createHash (measured on this machine, Node 20.20).
const sha256Hex = (data: string): string =>
  typeof crypto.hash === 'function' ? crypto.hash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');

/** The entry's hash in hex, from the previous entry's hash in hex: what the chain check compares, string to string. */
export function entryHashHex(previousHex: string, e: ChainedFields): string {
  return sha256Hex(`${previousHex}|${canonical(e)}`);
}

export function entryHash(previous: Buffer, e: ChainedFields): Buffer {
  return Buffer.from(entryHashHex(previous.toString('hex'), e), 'hex');
}
