// What the sign-in page says when the app was signed out under the admin's feet, in one place.
import type { RestoreResult } from '../../common/backups.ts';

const RESTORED = 'Roster was restored from';
export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

export function restoredNotice(result: RestoreResult): string {
  return `${RESTORED} ${result.restoredFrom}. Everyone has been signed out: sign in again. The database it replaced was saved as ${result.savedCurrentAs}.`;
}

/** The notice once main says the session is gone; after a restore every call ends this way, and the restore's own notice says more. */
export function noticeAfterSessionEnded(current: string | null): string {
  return current?.startsWith(RESTORED) ? current : SESSION_ENDED;
}
