// The policy's settings and the outcome of its last runs, kept in config.json (the SettingsStore) beside the backup
// settings and not in the database: restoring an older backup must not turn a policy the admin turned off back on,
// nor forget when it last ran. Each change of the settings is audited in the database (idle-policy-service.ts).
import { z } from 'zod';
import { DEFAULT_IDLE_POLICY, policyDaysField, type IdlePolicySettings } from '../../../common/idle-policy.ts';
import type { SettingsStore } from '../settings/settings-store.ts';

const SETTINGS_KEY = 'idlePolicy';
const STATUS_KEY = 'idlePolicyStatus';

const settingsSchema = z.object({ enabled: z.boolean(), days: policyDaysField });

export interface IdlePolicyStatus {
  lastRun: { at: number; days: number; deactivated: number } | null;
  lastFailure: { at: number; message: string } | null;
}

const statusSchema = z.object({
  lastRun: z.object({ at: z.number(), days: z.number(), deactivated: z.number() }).nullable().default(null),
  lastFailure: z.object({ at: z.number(), message: z.string() }).nullable().default(null),
});

export class IdlePolicySettingsStore {
  constructor(private readonly store: SettingsStore) {}

  /** The saved settings, or the default (off) where nothing valid is saved: a hand-edited file never turns it on. */
  get(): IdlePolicySettings {
    const parsed = settingsSchema.safeParse(this.store.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : { ...DEFAULT_IDLE_POLICY };
  }

  save(settings: IdlePolicySettings): void {
    this.store.set(SETTINGS_KEY, settings);
  }

  status(): IdlePolicyStatus {
    const parsed = statusSchema.safeParse(this.store.get(STATUS_KEY) ?? {});
    return parsed.success ? parsed.data : { lastRun: null, lastFailure: null };
  }

  updateStatus(change: Partial<IdlePolicyStatus>): void {
    this.store.set(STATUS_KEY, { ...this.status(), ...change });
  }
}
