// The ONE door into main: every call from any transport goes through dispatch(). It validates the payload
// with the contract's schema, checks access against the caller's session, runs the handler and turns any
// failure into a typed error value. It never throws.
import { contract, type MethodName, type MethodSpec } from '../../../common/contract.ts';
import type { Result, RosterError } from '../../../common/errors.ts';
import { isMethodName } from '../../../common/method-names.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Db } from '../db/open-database.ts';
import type { UserRow, UsersRepo } from '../db/users-repo.ts';
import { AppError } from '../errors.ts';
import type { Clock } from '../services/clock.ts';
import type { CallContext } from './call-context.ts';
import type { Handlers } from './handlers.ts';
import type { SessionSlot } from './session-slot.ts';

export const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface DispatcherDeps {
  handlers: Handlers;
  db: Db;
  sessions: Sessions;
  users: UsersRepo;
  clock: Clock;
  /**
   * Why writes must wait right now, or null: an import's one transaction holds the database on another connection,
   * and a write here would block main's loop (busy_timeout) until it ends. Such a write is refused at once instead.
   */
  writesHeld?: () => string | null;
  /** Where unexpected errors are reported (never with the payload: it may hold a password). */
  logError: (method: string, err: unknown) => void;
}

// `method` is untrusted too: it arrives from an IPC channel name or a URL path.
export type Dispatch = (method: unknown, payload: unknown, slot: SessionSlot) => Promise<Result<unknown>>;

const fail = (code: RosterError['code'], message: string, field?: string): Result<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

function payloadSize(payload: unknown): number | null {
  try {
    // JSON.stringify's type says string, but it answers undefined for a function or a symbol.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    return Buffer.byteLength(JSON.stringify(payload ?? {}) ?? '');
  } catch {
    return null; // cyclic, BigInt, ...: not a payload any contract accepts
  }
}

/** Throws the typed refusal when `user` may not call `method`; public methods let anyone through. */
function refuseUnlessAllowed(method: MethodName, user: UserRow | null): void {
  const spec: MethodSpec = contract[method];
  if (spec.access === 'public') return;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  if (spec.access === 'admin' && user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only admins can do that.');
  if (user.must_change_password && !spec.allowedWhilePasswordChangeRequired) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password to continue.');
  }
}

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  /** The active user behind the slot's token; a token of an ended session or inactive person is dropped. */
  function caller(slot: SessionSlot): UserRow | null {
    const token = slot.get();
    if (!token) return null;
    const userId = deps.sessions.userIdSeen(token, deps.clock.now(), !deps.writesHeld?.());
    const user = userId === undefined ? undefined : deps.users.get(userId);
    if (!user || !user.is_active) {
      slot.set(undefined);
      return null;
    }
    return user;
  }

  return async function dispatch(method, payload, slot) {
    try {
      if (typeof method !== 'string' || !isMethodName(method)) return fail('UNKNOWN_METHOD', `Unknown method "${String(method).slice(0, 60)}".`);
      const size = payloadSize(payload);
      if (size === null) return fail('BAD_REQUEST', 'The request could not be read.');
      if (size > MAX_PAYLOAD_BYTES) return fail('BAD_REQUEST', 'The request is too large.');

      const spec = contract[method];
      const parsed = spec.input.safeParse(payload ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
        return fail('VALIDATION', issue?.message ?? 'The request is not valid.', field);
      }

      const user = caller(slot);
      refuseUnlessAllowed(method, user);

      const recheck = () => {
        const now = caller(slot);
        if (user) refuseUnlessAllowed(method, now?.id === user.id ? now : null);
      };
      const ctx: CallContext = {
        slot,
        user,
        // The caller is checked again inside the write: a session ended or a role lost while this call awaited
        // (a hash, a mail server) must stop it, or a former admin would finish an admin-only action.
        transaction: (change) => {
          // Before BEGIN: waiting for the import's lock would stall the loop for every other caller.
          const held = deps.writesHeld?.();
          if (held) throw new AppError('BUSY', held);
          return deps.db
            .transaction(() => {
              recheck();
              return change();
            })
            .immediate();
        },
        recheck,
      };
      const handler = deps.handlers[method] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value: value === undefined ? null : value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toJSON() };
      deps.logError(String(method), err);
      return fail('INTERNAL', 'Something went wrong inside Roster. Nothing was changed; please try again.');
    }
  };
}
