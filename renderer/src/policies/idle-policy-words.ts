// The idle policy in words, shared by its section, its confirmation and the snackbar.
import type { IdlePolicyPreview, IdlePolicyRun } from '../../../common/idle-policy.ts';
import { count, namesAndOthers } from '../bulk/bulk-wording.ts';

export const days = (n: number) => count(n, 'day', 'days');

/** "Kim Tester, Lee Tester and 3 others", or "No one" */
export const whoWouldGo = (p: IdlePolicyPreview) => (p.count === 0 ? 'No one' : namesAndOthers(p.first, p.count));

export const idleAdminsNote = (p: IdlePolicyPreview) =>
  p.idleAdmins === 0 ? null : `${count(p.idleAdmins, 'admin')} ${p.idleAdmins === 1 ? 'has' : 'have'} not signed in for ${days(p.days)} either; admins are never deactivated by this policy.`;

export const runDone = (run: IdlePolicyRun | null) =>
  run === null ? '' : run.deactivated === 0 ? ' No one needed deactivating.' : ` ${count(run.deactivated)} deactivated.`;
