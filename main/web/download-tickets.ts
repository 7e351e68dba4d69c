// Browser mode's exports: a page cannot attach its key header to a plain link or navigation, so an export made
// through the API (key and session checked there) is handed back as a one-time download link instead. The
// ticket in it is 256 random bits, kept only as a hash, good once and for 60 seconds; the download checks again
// that the admin who asked may still have it. See docs/SECURITY.md, "Exports".
import { createHash, randomBytes } from 'node:crypto';
import type { ExportOutcome } from '../../common/activity.ts';
import type { ExportFile, FileDelivery } from '../core/exports/file-delivery.ts';

export const DOWNLOAD_PATH = '/download/';
export const DOWNLOAD_LIFETIME_MS = 60 * 1000;

const digest = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');

export type Claimed = { state: 'live'; file: ExportFile } | { state: 'used' | 'expired' | 'unknown' };

export class DownloadTickets implements FileDelivery {
  private readonly tickets = new Map<string, { file: ExportFile | null; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  deliver(file: ExportFile): Promise<ExportOutcome> {
    const now = this.now();
    // Spent and expired tickets are remembered for a while (to say "used" or "expired"), then forgotten.
    for (const [id, t] of this.tickets) if (t.expiresAt + 10 * DOWNLOAD_LIFETIME_MS < now) this.tickets.delete(id);
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = now + DOWNLOAD_LIFETIME_MS;
    this.tickets.set(digest(ticket), { file, expiresAt });
    return Promise.resolve({ kind: 'download', url: `${DOWNLOAD_PATH}${ticket}`, expiresAt: new Date(expiresAt).toISOString() });
  }

  /** Spends a ticket: its file the first time within its lifetime, else why not. */
  claim(ticket: string): Claimed {
    const t = this.tickets.get(digest(ticket));
    if (!t) return { state: 'unknown' };
    if (!t.file) return { state: 'used' };
    if (this.now() >= t.expiresAt) return { state: 'expired' };
    const file = t.file;
    t.file = null; // the file (and what it can read) is let go at once
    return { state: 'live', file };
  }
}
