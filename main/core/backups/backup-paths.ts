// Checks a folder or file path the admin typed or picked, with a message that says what to fix. The admin is the
// trusted local user, so any folder they can write is fine; what matters is a clear answer for a wrong path.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

const invalid = (message: string, field = 'path') => new AppError('PATH_INVALID', message, { field });

function statOrExplain(p: string, field: string): fs.Stats {
  if (!path.isAbsolute(p)) throw invalid(`Enter a full path (for example ${process.platform === 'win32' ? 'D:\\Backups' : '/home/you/backups'}), not "${p}".`, field);
  try {
    return fs.statSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw invalid(`${p} does not exist.`, field);
    if (code === 'EACCES' || code === 'EPERM') throw invalid(`Roster is not allowed to open ${p}.`, field);
    throw invalid(`Roster cannot use ${p}: ${(err as Error).message}`, field);
  }
}

/** An existing folder Roster can create files in (proved by creating and removing one). */
export function checkWritableFolder(folder: string, field = 'folder'): string {
  const resolved = path.resolve(folder);
  if (!statOrExplain(folder, field).isDirectory()) throw invalid(`${resolved} is a file, not a folder.`, field);
  const probe = path.join(resolved, `.roster-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { mode: 0o600 });
    fs.rmSync(probe);
  } catch {
    throw invalid(`Roster cannot write to ${resolved}. Choose a folder your account can write to.`, field);
  }
  return resolved;
}

/** An existing, readable, non-empty file. */
export function checkReadableFile(file: string, field = 'path'): string {
  const resolved = path.resolve(file);
  const st = statOrExplain(file, field);
  if (st.isDirectory()) throw invalid(`${resolved} is a folder. Choose a backup file in it.`, field);
  if (!st.isFile()) throw invalid(`${resolved} is not a regular file.`, field);
  if (st.size === 0) throw new AppError('NOT_A_ROSTER_DATABASE', `${resolved} is empty: it is not a Roster backup.`, { field });
  try {
    fs.accessSync(resolved, fs.constants.R_OK);
  } catch {
    throw invalid(`Roster is not allowed to read ${resolved}.`, field);
  }
  return resolved;
}
