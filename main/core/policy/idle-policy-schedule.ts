// When the idle policy runs: shortly after start (once the database is open; the run itself is on the bulk worker)
// and then whenever it is due (a day after the last run: policyRunDue), checked every few minutes on unref'd timers.
// Checking often and deciding on the app's clock, rather than one 24-hour timer, means a machine that slept through
// the day, or whose clock was changed, runs at the next check instead of on a timer set long ago.
import { DueSchedule, type DueScheduleDeps } from '../services/due-schedule.ts';

export const POLICY_CHECK_EVERY_MS = 5 * 60_000;
/** After start: long enough for the first window to open, short enough that "checked at start" holds. */
export const POLICY_START_GRACE_MS = 10_000;

export class IdlePolicySchedule extends DueSchedule {
  constructor(deps: DueScheduleDeps) {
    super(deps, { what: 'automatic deactivation policy', checkEveryMs: POLICY_CHECK_EVERY_MS, graceMs: POLICY_START_GRACE_MS });
  }
}
