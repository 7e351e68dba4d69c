// One-time launch links: a ticket opens Roster in one browser tab, once, within 2 minutes of being issued. Only
// hashes are kept, so the tickets themselves exist only in the printed link and the tab that trades them.
import { createHash, randomBytes } from 'node:crypto';

export const TICKET_LIFETIME_MS = 2 * 60 * 1000;
/** Spent and expired tickets are remembered this long, so a second use can say "already used". */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

/** live: can be claimed; used: claimed before; expired: never claimed in time; unknown: not one of ours. */
export type TicketState = 'live' | 'used' | 'expired' | 'unknown';

const digest = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');

export class LaunchTickets {
  private readonly tickets = new Map<string, { expiresAt: number; used: boolean }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    const now = this.now();
    for (const [id, t] of this.tickets) if (t.expiresAt + REMEMBER_MS < now) this.tickets.delete(id);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(digest(ticket), { expiresAt: now + TICKET_LIFETIME_MS, used: false });
    return ticket;
  }

  state(ticket: string): TicketState {
    const t = this.tickets.get(digest(ticket));
    if (!t) return 'unknown';
    if (t.used) return 'used';
    return this.now() < t.expiresAt ? 'live' : 'expired';
  }

  /** Spends a live ticket; the answer is the state it was in ('live' means this call spent it). */
  claim(ticket: string): TicketState {
    const state = this.state(ticket);
    const entry = this.tickets.get(digest(ticket));
    if (state === 'live' && entry) entry.used = true;
    return state;
  }
}
