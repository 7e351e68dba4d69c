// What the Import CSV dialog and main say to each other: the column mapping, each row's verdict, the preview's
// counts, and how the import is going. The contract table (contract.ts) names the methods.
import { z } from 'zod';

/** The file limits: beyond any of them the file is refused with a message, before any row is judged. */
export const IMPORT_LIMITS = { bytes: 50 * 1024 * 1024, rows: 1_000_000, columns: 10_000 } as const;

export const IMPORT_FIELDS = ['firstName', 'lastName', 'email', 'role'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = { firstName: 'First name', lastName: 'Last name', email: 'Email', role: 'Role' };

/** Which column of the file (0-based) each field is read from; null: not in the file (role: everyone is a User). */
export type ImportMapping = Record<ImportField, number | null>;

const column = z.number().int().min(0).max(IMPORT_LIMITS.columns).nullable();
export const importMappingInput = z
  .object({ firstName: column, lastName: column, email: column, role: column })
  .strict()
  .refine((m) => {
    const used = Object.values(m).filter((c) => c !== null);
    return new Set(used).size === used.length;
  }, 'Each column can be read for one field only.');

/** An import's handle: the id of the file main holds (an upload, or the file chosen in the system picker). */
export const importIdField = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'That import is no longer open. Choose the file again.');

export const VERDICTS = ['add', 'exists', 'duplicate', 'invalidEmail', 'missingName', 'invalidName', 'unknownRole', 'tooLong'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = {
  add: 'Will be added',
  exists: 'Already exists (skipped)',
  duplicate: 'Duplicate in the file',
  invalidEmail: 'Invalid email',
  missingName: 'Missing name',
  invalidName: 'Name with line breaks or control characters',
  unknownRole: 'Unknown role',
  tooLong: 'Over the length rules',
};

export type VerdictCounts = Record<Verdict, number>;

export interface ImportPreview {
  importId: string;
  fileName: string;
  /** The detected delimiter: ',' ';' or a tab. */
  delimiter: ',' | ';' | '\t';
  /** The header row's cells, as the file has them. */
  headers: string[];
  mapping: ImportMapping;
  /** Data rows (the header and empty lines not counted). */
  rows: number;
  counts: VerdictCounts;
  /** Whether the invites go by email (else: one-time codes, offered once as a CSV). */
  emailConfigured: boolean;
}

export interface ImportRow {
  /** The line of the file where the row starts (1 = the header). */
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  verdict: Verdict;
  /** Why, in words, for anything but "add". */
  reason: string | null;
}

export const importRowsInput = z
  .object({
    importId: importIdField,
    verdict: z.enum(VERDICTS).nullable().default(null),
    offset: z.number().int().min(0).max(IMPORT_LIMITS.rows),
    limit: z.number().int().min(1).max(200),
  })
  .strict();

export interface ImportRowsPage {
  rows: ImportRow[];
  /** Rows with the chosen verdict (all rows when none was chosen). */
  total: number;
}

export interface InviteFailure {
  line: number;
  personId: number;
  email: string;
  reason: string;
}

export interface ImportStatus {
  importId: string;
  phase: 'writing' | 'sending' | 'done' | 'failed';
  /** Rows written so far in the one transaction (nothing is visible until it commits). */
  written: number;
  /** Rows to write (the "will be added" count at confirmation). */
  toWrite: number;
  added: number;
  skipped: number;
  /** Set when phase is 'failed': nothing was written. */
  error: string | null;
  invites: { byEmail: boolean; sent: number; failed: InviteFailure[]; pending: number };
  /** The one-time codes CSV (without email): available until downloaded once, then gone. */
  codes: 'none' | 'available' | 'taken';
}
