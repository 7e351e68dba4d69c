// Seeds a data folder's database directly (before Roster starts), for lists too long to build through the UI.
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { Role } from '../../../common/contract.ts';
import { test as base } from '@playwright/test';
import { DATABASE_FILE } from '../../../main/core/data-dir.ts';
import { openDatabase } from '../../../main/core/db/open-database.ts';
import { startRoster, stopRoster, type RosterApp } from '../roster-app.ts';
import fs from 'node:fs';
import os from 'node:os';
import { ADMIN } from './accounts.ts';

export interface SeedPerson {
  firstName: string;
  lastName: string;
  email: string;
  role?: Role;
  /** No password yet: shown as Invited. */
  invited?: boolean;
  deactivated?: boolean;
  lastLoginAt?: number;
  /** Holds a temporary password that expired yesterday. */
  temporaryPasswordExpired?: boolean;
  /** The sign-in throttle holds their address back for this many more minutes (as login-throttle.ts records it). */
  lockedForMinutes?: number;
}

/** Writes ADMIN (able to sign in) and `people` through the app's own migrations; the server is not running yet. */
export async function seedDatabase(dataDir: string, people: SeedPerson[]): Promise<void> {
  const db = await openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    // A low cost keeps seeding fast; bcrypt verifies a hash of any cost.
    const hash = bcrypt.hashSync(ADMIN.password, 4);
    const insert = db.prepare(
      `INSERT INTO users (first_name, last_name, email, role, is_active, password_hash, must_change_password,
         temporary_password_expires_at, created_at, updated_at, last_login_at, deactivated_at, locked_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = Date.now();
    db.transaction(() => {
      insert.run(ADMIN.firstName, ADMIN.lastName, ADMIN.email, 'admin', 1, hash, 0, null, now, now, null, null, null);
      for (const p of people) {
        const active = p.deactivated ? 0 : 1;
        const expired = p.temporaryPasswordExpired ? [1, now - 24 * 60 * 60 * 1000] : [0, null];
        insert.run(p.firstName, p.lastName, p.email.toLowerCase(), p.role ?? 'user', active, p.invited ? null : hash, ...expired, now, now, p.lastLoginAt ?? null, active ? null : now, p.lockedForMinutes ? now + p.lockedForMinutes * 60_000 : null);
      }
    })();
  } finally {
    db.close();
  }
}

/** A Roster whose database was seeded with `seedPeople` before it started (the `roster` fixture, pre-filled). */
// Wrapped in an object: Playwright would read a bare array given to test.use() as [value, options].
export const test = base.extend<{ seed: { people: SeedPerson[] }; roster: RosterApp }>({
  seed: [{ people: [] }, { option: true }],
  roster: async ({ seed }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-e2e-'));
    await seedDatabase(dataDir, seed.people);
    const app = await startRoster(dataDir);
    await use(app);
    await stopRoster(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
