// Bulk actions on the People list: what a selection is, which actions exist, and what main answers. A selection
// never travels as a long list of ids: "all matching" is the view (tab, search, filter, sort…) plus the rows unticked.
import { z } from 'zod';
import { idField } from './rules.ts';

/** A page-level selection: ids the admin ticked row by row (pages of at most 100, across a few pages). */
export const MAX_PICKED_IDS = 1000;
/** Rows unticked after "Select all N matching". */
export const MAX_EXCLUDED_IDS = 1000;
/** How long the snackbar offers Undo; main accepts an undo a little later (the click may be in flight). */
export const UNDO_OFFER_MS = 10_000;
/** Names shown in the confirmation, and skipped people listed in the result. */
export const NAMES_SHOWN = 5;
export const SKIPPED_LISTED = 20;

export const BULK_ACTIONS = ['deactivate', 'reactivate', 'makeUser', 'makeAdmin', 'resendInvites', 'signOutEverywhere'] as const;
export const bulkActionField = z.enum(BULK_ACTIONS);
export type BulkAction = z.infer<typeof bulkActionField>;
/** The actions Undo can revert: state changes of the person themself (ended sessions and sent mail cannot come back). */
export const UNDOABLE: readonly BulkAction[] = ['deactivate', 'reactivate', 'makeUser', 'makeAdmin'];

const ids = (max: number, what: string) =>
  z
    .array(idField)
    .max(max, `At most ${max.toLocaleString('en')} ${what}.`)
    .refine((v) => new Set(v).size === v.length, 'Each person at most once.');

/** Built by contract.ts from its peopleViewInput (kept there: it is the list's own view). */
export const selectionSchema = <V extends z.ZodType>(view: V) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('ids'), ids: ids(MAX_PICKED_IDS, 'people can be ticked one by one; use “Select all matching”').refine((v) => v.length > 0, 'Select someone first.') }).strict(),
    z.object({ kind: z.literal('view'), view, except: ids(MAX_EXCLUDED_IDS, 'people can be unticked from a whole selection').default([]) }).strict(),
  ]);

/** Why a selected person was left alone. */
export type SkipReason = 'self' | 'lastAdmin' | 'deactivated' | 'notInvited';
export const SKIP_REASON_WORDS: Record<SkipReason, string> = {
  self: 'your own account',
  lastAdmin: 'the last admin',
  deactivated: 'deactivated: reactivate them first',
  notInvited: 'not invited: they already have a password',
};

export interface NamedPerson {
  id: number;
  name: string;
  email: string;
}

export interface BulkPreview {
  /** The moment (ms) the preview judged the selection: runBulk given it judges a view's filter at the same moment. */
  asOf: number;
  /** People the selection holds now (a view's count at this moment). */
  count: number;
  /** The first few of them, in the list's order. */
  first: NamedPerson[];
  /** Selected people the action would leave alone because a rule protects them (self, last admin). */
  protected: (NamedPerson & { reason: SkipReason })[];
}

export interface BulkResult {
  /** The undo handle, when Undo is offered (null for actions it cannot revert, or when nothing changed). */
  bulkId: number | null;
  action: BulkAction;
  /** People the selection held when main acted on it. */
  matched: number;
  changed: number;
  /** Already as the action would leave them (already deactivated, already an admin, no session to end). */
  unchanged: number;
  skipped: number;
  /** The first SKIPPED_LISTED skipped people, with why. */
  skippedPeople: (NamedPerson & { reason: SkipReason })[];
  /** Until when main accepts Undo (ISO), or null. */
  undoUntil: string | null;
  /** Resend invites: how the new invites are going out (null for the other actions). */
  invites: ResendStatus | null;
}

/** A resend's handle in main (random, like an import's). */
export const resendBatchField = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'That resend is no longer known to Roster.');

/** Failed invite emails listed in a resend's status (the rest are counted). */
export const FAILURES_LISTED = 5;

/**
 * After Resend invites: the new codes go out by email in the background (sent, failed, still to go), or, without
 * email, wait in main to be downloaded ONCE as a CSV file (`codes`), then are gone.
 */
export interface ResendStatus {
  batchId: string;
  byEmail: boolean;
  /** People given a new code. */
  total: number;
  sent: number;
  pending: number;
  failed: number;
  /** The first FAILURES_LISTED failures, with why (their new code was revoked: Resend invite on their row). */
  failures: (NamedPerson & { reason: string })[];
  codes: 'none' | 'available' | 'taken';
  /** When the new codes stop working (ISO). */
  expiresAt: string;
}

export interface UndoResult {
  reverted: number;
  /** Changed by someone else since the bulk action (or already reverted): left as they are. */
  changedSince: number;
}

/** While a bulk action or its undo runs: how far it is. */
export interface BulkProgress {
  action: BulkAction | 'undo';
  phase: 'selecting' | 'writing';
  done: number;
  total: number;
}
