// One window's worth of calls into a real core, for tests and for the driver scripts the kill tests run as their own
// processes (so no vitest import here).
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract.ts';
import type { Result } from '../../common/errors.ts';
import { MemorySessionSlot } from '../../main/core/api/session-slot.ts';
import type { Roster } from '../../main/core/roster.ts';

/** A signed-in (or not) caller: its own session slot, like one window. */
export class Caller {
  readonly slot = new MemorySessionSlot();
  constructor(private readonly roster: Roster) {}

  raw(method: string, payload: unknown): Promise<Result<unknown>> {
    return this.roster.dispatch(method, payload, this.slot);
  }

  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
    return this.roster.dispatch(method, input, this.slot) as Promise<Result<MethodOutput<K>>>;
  }

  /** Calls and returns the value, failing the test with main's error when the call fails. */
  async ok<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
    const result = await this.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
}
