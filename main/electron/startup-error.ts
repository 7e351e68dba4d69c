// Turns a failure to start into one sentence for an error dialog: Roster's own errors already say what to
// do; anything else gets its first line only, never a stack trace.
import { AlreadyRunningError } from '../core/data-dir-lock.ts';
import { DataDirError } from '../core/data-dir.ts';
import { DatabaseFileError } from '../core/db/open-database.ts';

export class NativeBindingError extends Error {
  override name = 'NativeBindingError';
}

const WRONG_ABI = /NODE_MODULE_VERSION|was compiled against a different|invalid ELF header|not a valid Win32 application/i;

export function startupErrorMessage(err: unknown): string {
  if (err instanceof DataDirError || err instanceof DatabaseFileError || err instanceof AlreadyRunningError || err instanceof NativeBindingError) {
    return err.message;
  }
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0]?.trim() ?? '';
  if (WRONG_ABI.test(first)) {
    return 'The SQLite driver was built for another runtime than this Electron. Run "node scripts/electron-native.mjs" and start Roster again.';
  }
  return `Something unexpected stopped Roster from starting: ${first || 'unknown error'}`;
}
