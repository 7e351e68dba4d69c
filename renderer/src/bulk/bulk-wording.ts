// The words of each bulk action: its button, its confirmation, its progress and its result. One table, so the bar,
// the dialog and the snackbar say the same.
import type { BulkAction, BulkResult, NamedPerson, SkipReason, UndoResult } from '../../../common/bulk.ts';
import { SKIP_REASON_WORDS } from '../../../common/bulk.ts';
import type { Tab } from '../../../common/contract.ts';

export const count = (n: number, one = 'person', many = 'people') => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

interface Words {
  button: string;
  /** The tabs whose people it can change. */
  tabs: Tab[];
  destructive: boolean;
  title: (people: string) => string;
  /** What happens to them, after the names ("Ada, Bob and 3 others …"). */
  consequence: string;
  working: string;
  done: (people: string) => string;
}

export const BULK_WORDS: Record<BulkAction, Words> = {
  deactivate: {
    button: 'Deactivate',
    tabs: ['active'],
    destructive: true,
    title: (p) => `Deactivate ${p}?`,
    consequence: "won't be able to log in anymore. Their sessions end now; nothing of theirs is deleted.",
    working: 'Deactivating',
    done: (p) => `Deactivated ${p}.`,
  },
  reactivate: {
    button: 'Reactivate',
    tabs: ['deactivated'],
    destructive: false,
    title: (p) => `Reactivate ${p}?`,
    consequence: 'will be able to sign in again with their current password, in the role they had.',
    working: 'Reactivating',
    done: (p) => `Reactivated ${p}.`,
  },
  makeUser: {
    button: 'Make User',
    tabs: ['active'],
    destructive: true,
    title: (p) => `Make ${p} Users?`,
    consequence: 'lose the Admin role (admins among them are signed out, to sign in again as Users).',
    working: 'Changing roles',
    done: (p) => `Made ${p} Users.`,
  },
  makeAdmin: {
    button: 'Make Admin',
    tabs: ['active'],
    destructive: false,
    title: (p) => `Make ${p} Admins?`,
    consequence: 'will be able to manage everyone in Roster (those signed in sign in again to get it).',
    working: 'Changing roles',
    done: (p) => `Made ${p} Admins.`,
  },
  resendInvites: {
    button: 'Resend invites',
    tabs: ['active'],
    destructive: false,
    title: (p) => `Resend invites to ${p}?`,
    consequence:
      'get a new invite if they have not accepted theirs yet: the previous invite code stops working. Anyone else selected is left alone. This cannot be undone (an email sent cannot be unsent).',
    working: 'Making new invite codes',
    done: (p) => `New invites for ${p}.`,
  },
  signOutEverywhere: {
    button: 'Sign out everywhere',
    tabs: ['active'],
    destructive: true,
    title: (p) => `Sign out ${p} everywhere?`,
    consequence: 'are signed out of every window and browser now; they can sign in again.',
    working: 'Signing out',
    done: (p) => `Signed out ${p} everywhere.`,
  },
};

/** "Ada Lovelace, Bob Baker and 12,288 others" */
export function namesAndOthers(first: NamedPerson[], total: number): string {
  const names = first.map((p) => p.name);
  const others = total - names.length;
  if (others <= 0) return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  return `${names.join(', ')} and ${count(others, 'other', 'others')}`;
}

export const reasonWords = (reason: SkipReason) => SKIP_REASON_WORDS[reason];

/** The snackbar after the action: what main did, counted, with any change in the selection since it was counted. */
export function resultMessage(r: BulkResult, expected: number): string {
  const parts = [BULK_WORDS[r.action].done(count(r.changed))];
  if (r.unchanged) parts.push(`${count(r.unchanged)} already so.`);
  if (r.skipped) {
    const listed = r.skippedPeople.map((p) => `${p.name} (${reasonWords(p.reason)})`).join(', ');
    parts.push(`Skipped ${count(r.skipped)}: ${listed}${r.skipped > r.skippedPeople.length ? '…' : ''}.`);
  }
  if (r.matched !== expected) parts.push(`The selection held ${count(r.matched)} when applied (${count(expected)} when confirmed).`);
  return parts.join(' ');
}

export function undoMessage(u: UndoResult): string {
  const changed = u.changedSince ? ` ${count(u.changedSince)} changed since ${u.changedSince === 1 ? 'was' : 'were'} left as they are.` : '';
  return `Undone: ${count(u.reverted)} back as before.${changed}`;
}
