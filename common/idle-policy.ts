// The automatic deactivation policy ("deactivate accounts with no sign-in for N days; admins never"): its settings,
// what the Policies page and main say to each other, and the input rules. Off by default. "No sign-in for N days"
// means exactly what the People filter of that name means (main/core/db/people-where.ts).
import { z } from 'zod';
import { IDLE_DAYS_MAX } from './people-filter.ts';
import type { NamedPerson } from './bulk.ts';

/** Fewer days than this would catch people on a long holiday: the policy is for accounts nobody uses any more. */
export const POLICY_DAYS_MIN = 30;
export const POLICY_DAYS_MAX = IDLE_DAYS_MAX;
export const POLICY_DAYS_DEFAULT = 180;

export interface IdlePolicySettings {
  enabled: boolean;
  days: number;
}

export const DEFAULT_IDLE_POLICY: IdlePolicySettings = { enabled: false, days: POLICY_DAYS_DEFAULT };

export const policyDaysField = z
  .number()
  .int('Enter a whole number of days.')
  .min(POLICY_DAYS_MIN, `At least ${POLICY_DAYS_MIN} days.`)
  .max(POLICY_DAYS_MAX, `At most ${POLICY_DAYS_MAX} days (10 years).`);

export const previewIdlePolicyInput = z.object({ days: policyDaysField }).strict();

/**
 * Turning the policy on (or changing N while it is on) carries the moment of the preview the admin confirmed
 * (`asOf`): its first run deactivates exactly the people that preview judged idle, as a bulk action's confirmation.
 */
export const saveIdlePolicyInput = z
  .object({ enabled: z.boolean(), days: policyDaysField, asOf: z.number().int().min(0).optional() })
  .strict()
  .refine((v) => !v.enabled || v.asOf !== undefined, { error: 'Look at who it would deactivate first.', path: ['asOf'] });

/** Who the policy would deactivate at `asOf`: how many, the longest idle first, and the idle admins it leaves alone. */
export interface IdlePolicyPreview {
  asOf: number;
  days: number;
  count: number;
  first: (NamedPerson & { idleSince: string })[];
  /** Active admins idle as long: never deactivated by the policy, counted so the admin knows they are there. */
  idleAdmins: number;
}

export interface IdlePolicyRun {
  at: string;
  days: number;
  deactivated: number;
}

export interface IdlePolicyView {
  settings: IdlePolicySettings;
  /** The newest run that finished (it may have deactivated nobody), or null. */
  lastRun: IdlePolicyRun | null;
  /** Why the newest attempt failed, while no run has finished since. */
  lastFailure: { at: string; message: string } | null;
  /** When the next run is due, while the policy is on. */
  nextRunAt: string | null;
}

/**
 * What saving answered: the view, and the run that turning on (or changing N while on) made at once; null when
 * nothing ran, or when that run failed (the view's lastFailure says why; the schedule tries again).
 */
export interface IdlePolicySaved {
  view: IdlePolicyView;
  run: IdlePolicyRun | null;
}
