// What a service knows about the call it serves: the signed-in user (already checked by the dispatcher) and
// the slot where the transport keeps the session token.
import type { UserRow } from '../db/users-repo.ts';
import type { SessionSlot } from './session-slot.ts';

export interface CallContext {
  slot: SessionSlot;
  /** The signed-in, active user, or null for a public call without a session. */
  user: UserRow | null;
  /**
   * Runs `change` in one IMMEDIATE transaction after checking the caller again, as the dispatcher did on arrival.
   * Every write a signed-in caller makes goes through here, so nothing awaited before it can outlive their access.
   */
  transaction<T>(change: () => T): T;
  /** Throws the typed refusal when the caller has lost access since the call arrived (for work that outlives the call). */
  recheck(): void;
}

/** For methods whose access level guarantees a user. */
export function signedInUser(ctx: CallContext): UserRow {
  if (!ctx.user) throw new Error('signedInUser called on a call without a session');
  return ctx.user;
}
