// A stand-in for window.roster (what either preload sets): each method answers what the test scripts.
import type { RosterError } from '../../../common/errors.ts';

type Answer = { ok: true; value: unknown } | { ok: false; error: RosterError } | Error;

/** Installs a window.roster whose `method` answers with `next(method)`; an Error is a failed transport (rejects). */
export function installFakeRoster(next: (method: string, input: unknown) => Answer): { calls: string[] } {
  const calls: string[] = [];
  const roster = new Proxy(
    {},
    {
      get: (_, method: string) => (input: unknown) => {
        calls.push(method);
        const answer = next(method, input);
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
    },
  );
  (globalThis as { window?: unknown }).window ??= globalThis;
  Object.defineProperty(window, 'roster', { value: roster, configurable: true, writable: true });
  return { calls };
}
