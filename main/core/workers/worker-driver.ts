// Inside a worker thread: opens a database with the SQLite driver main uses (loaded by the path main resolved, so
// a packaged app's Electron build of the driver is the one that loads).
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import type { Db } from '../db/open-database.ts';
import type { DriverSetup } from './worker-code.ts';

export function openWithDriver(setup: DriverSetup, file: string, readonly: boolean): Db {
  const Driver = createRequire(setup.driverPath)(setup.driverPath) as typeof Database;
  return new Driver(file, { readonly, fileMustExist: true, ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}) });
}
