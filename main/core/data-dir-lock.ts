// One running Roster per data folder: a lock file holding the owner's pid, taken over when that process is gone.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'roster.lock';

export class AlreadyRunningError extends Error {
  override name = 'AlreadyRunningError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws AlreadyRunningError; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new AlreadyRunningError(`Roster is already running with this data folder (process ${owner}). Use that window, or stop it first.`);
      }
      fs.rmSync(file, { force: true }); // left behind by a crash
    }
  }
  throw new AlreadyRunningError(`Could not take the lock on ${dir}.`);
}
