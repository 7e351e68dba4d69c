// Browser mode's preload: the same window.roster as Electron's, each method a POST to the loopback bridge.
import type { RosterApi } from '../common/contract.ts';
import type { Result } from '../common/errors.ts';
import { METHOD_NAMES } from '../common/method-names.ts';

async function call(method: string, input: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Roster is not reachable. Is it still running? Start it again and reload this page.' },
    };
  }
}

const api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
Object.defineProperty(window, 'roster', { value: Object.freeze(api) as RosterApi, writable: false, configurable: false });
