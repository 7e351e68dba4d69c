// Shared steps for the Import CSV tests: a file waiting to be imported, and waiting for an import to settle.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportStatus } from '../../../common/people-import.ts';
import type { ImportFiles } from '../../../main/core/people-csv/import-files.ts';
import { tempDir, type Caller } from '../harness.ts';

/** Writes `content` to a file of the admin's own and puts it in `files`; returns its import id. */
export function waitingFile(files: ImportFiles, content: string | Buffer, name = 'people.csv'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return files.add({ path: file, name, temporary: false });
}

/** Asks for the import's status until `done` says so. */
export async function untilImport(admin: Caller, importId: string, done: (s: ImportStatus) => boolean): Promise<ImportStatus> {
  for (let i = 0; i < 1000; i++) {
    const s = await admin.ok('importStatus', { importId });
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the import did not settle');
}
