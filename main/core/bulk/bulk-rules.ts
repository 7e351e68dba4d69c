// The rules of a bulk action, as pure functions: for each selected person, change them, leave them (already so), or
// skip them with a reason; and after a bulk action, whom Undo may revert. The same rules as the one-person actions
// (people-service.ts), decided for a whole set at once so the last-admin rule sees the set, not one row.
import type { BulkAction, SkipReason } from '../../../common/bulk.ts';
import type { Role } from '../../../common/contract.ts';

/** What the rules read of a selected person. */
export interface Candidate {
  id: number;
  role: Role;
  isActive: boolean;
  /** Has a password (an invited person has none yet). */
  hasPassword: boolean;
}

export type Verdict = { kind: 'change' } | { kind: 'unchanged' } | { kind: 'skip'; reason: SkipReason };

export interface BulkScope {
  /** The admin acting; null for Roster itself (an automatic policy), which is nobody's own account. */
  actorId: number | null;
  /**
   * Admins who can sign in (active, with a password), counted over everyone, selected or not, up to `upTo`: asked
   * only when the action would remove some, and only as far as it needs (there may be thousands of admins).
   */
  activeAdmins: (upTo: number) => number;
}

const canSignInAsAdmin = (c: Candidate) => c.role === 'admin' && c.isActive && c.hasPassword;

/** The verdict of one person, before the set-wide last-admin rule. */
function verdictOf(c: Candidate, action: BulkAction, actorId: number | null): Verdict {
  const self = c.id === actorId;
  switch (action) {
    case 'deactivate':
      if (self) return { kind: 'skip', reason: 'self' };
      return c.isActive ? { kind: 'change' } : { kind: 'unchanged' };
    case 'reactivate':
      return c.isActive ? { kind: 'unchanged' } : { kind: 'change' };
    case 'makeUser':
      if (c.role === 'user') return { kind: 'unchanged' };
      if (self) return { kind: 'skip', reason: 'self' };
      return c.isActive ? { kind: 'change' } : { kind: 'skip', reason: 'deactivated' };
    case 'makeAdmin':
      if (c.role === 'admin') return { kind: 'unchanged' };
      return c.isActive ? { kind: 'change' } : { kind: 'skip', reason: 'deactivated' };
    case 'resendInvites':
      // Only a pending (or expired) invite is renewed: whoever has a password already accepted theirs, you included.
      if (!c.isActive) return { kind: 'skip', reason: 'deactivated' };
      return c.hasPassword ? { kind: 'skip', reason: 'notInvited' } : { kind: 'change' };
    case 'signOutEverywhere':
      // Your own sessions include this window: the Account page signs out your others.
      return self ? { kind: 'skip', reason: 'self' } : { kind: 'change' };
  }
}

/** Whether changing this person takes an admin away (deactivating or demoting someone who can sign in as one). */
const removesAnAdmin = (c: Candidate, action: BulkAction) => (action === 'deactivate' || action === 'makeUser') && canSignInAsAdmin(c);

/**
 * Verdicts for the whole selection, in its order. At least one admin who can sign in always remains: when the
 * changes would remove them all, the last of them in the selection's order is skipped as the last admin. (With an
 * admin acting, the self rule already keeps one; the set-wide rule is what holds for a system actor.)
 */
export function planBulk(candidates: readonly Candidate[], action: BulkAction, scope: BulkScope): Verdict[] {
  const verdicts = candidates.map((c) => verdictOf(c, action, scope.actorId));
  let removed = 0;
  let lastRemoved = -1;
  candidates.forEach((c, i) => {
    if (verdicts[i]?.kind === 'change' && removesAnAdmin(c, action)) {
      removed++;
      lastRemoved = i;
    }
  });
  if (removed > 0 && scope.activeAdmins(removed + 1) - removed < 1) verdicts[lastRemoved] = { kind: 'skip', reason: 'lastAdmin' };
  return verdicts;
}

/** Undo of a bulk action: the change that reverts it, as the fields it sets back. */
export const UNDO_OF: Record<Exclude<BulkAction, 'signOutEverywhere' | 'resendInvites'>, BulkAction> = {
  deactivate: 'reactivate',
  reactivate: 'deactivate',
  makeUser: 'makeAdmin',
  makeAdmin: 'makeUser',
};

/** What a person changed by `action` looks like right after it: Undo reverts only people still exactly so. */
export function stillAsLeft(c: Candidate & { updatedAt: number }, action: keyof typeof UNDO_OF, at: number): boolean {
  if (c.updatedAt !== at) return false; // someone (or something) changed them since
  switch (action) {
    case 'deactivate':
      return !c.isActive;
    case 'reactivate':
      return c.isActive;
    case 'makeUser':
      return c.role === 'user';
    case 'makeAdmin':
      return c.role === 'admin';
  }
}
