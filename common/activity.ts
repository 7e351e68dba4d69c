// What the Activity page and main say to each other: an entry as the page shows it, a page of entries, the
// filters, the chain check's verdict and an export's outcome. The contract table (contract.ts) names the methods.
import { z } from 'zod';
import { ACTIVITY_KINDS, type ActivityKind, type AuditAction } from './audit-actions.ts';
import { idField, PAGE_SIZES } from './rules.ts';

/** Someone an entry names, as they are now (names and emails can change after the entry was written). */
export interface ActivityPerson {
  id: number;
  name: string;
  email: string;
}

export interface ActivityEntry {
  id: number;
  /** When it happened (ISO, UTC). */
  at: string;
  action: AuditAction;
  kind: ActivityKind;
  actor: ActivityPerson | null;
  target: ActivityPerson | null;
  /** What the entry recorded (never a secret: the recorder refuses secret-looking keys). */
  details: Record<string, unknown>;
  /** For noise recorded once per window (throttled attempts): how many times it happened. */
  repeats: number | null;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

const MAX_TIME = 8_640_000_000_000_000; // the largest time a JavaScript Date holds
const time = z.number().int().min(0).max(MAX_TIME);

/** The filters that combine: a person (acting or concerned), kinds of action, and a time range [from, to). */
export const activityFilterFields = {
  personId: idField.nullable().default(null),
  kinds: z
    .array(z.enum(ACTIVITY_KINDS))
    .max(ACTIVITY_KINDS.length)
    .refine((k) => new Set(k).size === k.length, 'Each kind once.')
    .default([]),
  from: time.nullable().default(null),
  to: time.nullable().default(null),
};

const activityFilter = z
  .object(activityFilterFields)
  .strict()
  .refine((f) => f.from === null || f.to === null || f.from < f.to, { error: 'The start of the range must come before its end.', path: ['from'] });

export const activityFilterInput = activityFilter;
export type ActivityFilter = z.output<typeof activityFilter>;

const cursor = z.string().min(1).max(200);

export const listActivityInput = z
  .object({
    ...activityFilterFields,
    pageSize: z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>]),
    page: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('first') }).strict(),
        z.object({ kind: z.literal('last') }).strict(),
        z.object({ kind: z.literal('after'), cursor, pageIndex: z.number().int().min(0) }).strict(),
        z.object({ kind: z.literal('before'), cursor, pageIndex: z.number().int().min(0) }).strict(),
      ])
      .default({ kind: 'first' }),
  })
  .strict()
  .refine((f) => f.from === null || f.to === null || f.from < f.to, { error: 'The start of the range must come before its end.', path: ['from'] });
export type ListActivityInput = z.input<typeof listActivityInput>;

/** The chain check: intact to the newest entry, or the first entry where it breaks, and the head record's state. */
export interface LogVerification {
  checkedAt: string;
  entries: number;
  /** The newest entry checked and its hash (hex), which an admin may note down elsewhere as an outside anchor. */
  head: { id: number; hash: string } | null;
  brokenAt: { id: number; reason: string } | null;
  /**
   * The head record kept outside the database (audit-head.json): 'matches' the log; 'missing' (none yet, or
   * deleted); 'mismatch' (the database's log no longer holds the entry it names, with that hash: the log was
   * rewritten, cut short, or the database replaced by other means than a restore).
   */
  anchor: { state: 'matches' | 'missing' | 'mismatch'; id: number | null; since: string | null; detail: string | null };
  ok: boolean;
}

/** What an export did: a file saved where the admin chose (desktop), a one-time download (browser), or nothing. */
export type ExportOutcome =
  | { kind: 'saved'; path: string; rows: number }
  | { kind: 'download'; url: string; expiresAt: string }
  | { kind: 'cancelled' };
