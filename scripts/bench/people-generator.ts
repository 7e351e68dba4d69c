// Deterministic fake people for the scale bench and scale tests: realistic names and emails from a seeded PRNG.
import { FIRST_NAMES, LAST_NAMES, MAIL_DOMAINS } from './name-lists.ts';
import type { Role } from '../../common/contract.ts';

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same people on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from a list with Zipf-like weights (rank^-exponent), as real name frequencies are skewed, not uniform. */
function zipfPicker<T>(items: readonly T[], exponent: number): (r: number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  items.forEach((_, i) => cumulative.push((sum += 1 / Math.pow(i + 1, exponent))));
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

export interface GeneratedPerson {
  first_name: string;
  last_name: string;
  email: string;
  role: Role;
  is_active: 0 | 1;
  /** null for a pending invite. */
  invited: boolean;
  created_at: number;
  last_login_at: number | null;
  deactivated_at: number | null;
}

const DAY = 86_400_000;
/** A fixed "now" so generated timestamps do not depend on when the bench runs. */
export const GENERATED_NOW = Date.UTC(2025, 0, 1);

const asciiLocal = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Yields `count` people; emails are unique (a number is appended when a local part repeats). */
export function* generatePeople(count: number, seed: number): Generator<GeneratedPerson> {
  const rand = prng(seed);
  // Tuned so the commonest surname is ~1.7 % of people and the rarest ~0.35 % (Smith is ~1 % in the US).
  const first = zipfPicker(FIRST_NAMES, 0.4);
  const last = zipfPicker(LAST_NAMES, 0.3);
  const domain = zipfPicker(MAIL_DOMAINS, 1.2);
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const f = first(rand());
    const l = last(rand());
    const style = rand();
    const fl = asciiLocal(f);
    const ll = asciiLocal(l);
    const local = style < 0.6 ? `${fl}.${ll}` : style < 0.8 ? `${fl[0]}${ll}` : style < 0.9 ? `${fl}_${ll}` : `${fl}.${ll[0]}`;
    const base = `${local}@${domain(rand())}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const email = n === 0 ? base : base.replace('@', `${n}@`);
    const created = GENERATED_NOW - Math.floor(rand() * 5 * 365 * DAY);
    const active = rand() >= 0.15;
    const invited = active && rand() < 0.03;
    const never = invited || rand() < 0.2;
    const lastLogin = never ? null : created + Math.floor(rand() * (GENERATED_NOW - created));
    yield {
      first_name: f,
      last_name: l,
      email,
      role: rand() < 0.02 ? 'admin' : 'user',
      is_active: active ? 1 : 0,
      invited,
      created_at: created,
      last_login_at: lastLogin,
      deactivated_at: active ? null : Math.max(created, lastLogin ?? created) + DAY,
    };
  }
}
