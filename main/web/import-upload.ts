// Browser mode's way in for a CSV file to import: the page POSTs the chosen file as the body (with the tab's key,
// checked like any API call), and it streams to a private file in the data folder, counted as it arrives, so a
// file over the limit is cut off at the limit and never held in memory. The answer is a single-use import id;
// everything after that goes through the contract (previewImport …) and the one dispatcher.
import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { FILE_NAME_HEADER } from '../../common/api-path.ts';
import type { Result } from '../../common/errors.ts';
import { IMPORT_LIMITS } from '../../common/people-import.ts';
import { displayName, type ImportFiles } from '../core/people-csv/import-files.ts';

export type UploadAnswer = { status: number; body: Result<{ importId: string; fileName: string }> };

const tooLarge = (limit: number): UploadAnswer => ({
  status: 413,
  body: { ok: false, error: { code: 'VALIDATION', field: 'file', message: `The file is larger than ${limit / 1024 / 1024} MB. Split it into smaller files.` } },
});

export function fileNameOf(header: string | string[] | undefined): string {
  if (typeof header !== 'string') return 'people.csv';
  try {
    return displayName(decodeURIComponent(header));
  } catch {
    return 'people.csv';
  }
}

/** Streams the request body to an upload file; the file is registered only when whole and within the limit. */
export async function receiveUpload(req: http.IncomingMessage, files: ImportFiles, limit: number = IMPORT_LIMITS.bytes): Promise<UploadAnswer> {
  if (Number(req.headers['content-length']) > limit) return tooLarge(limit);
  const target = files.newUploadPath();
  let size = 0;
  let over = false as boolean; // `as`: set in the stream's callback, which the compiler cannot follow
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) {
        over = true;
        done(new Error('over the limit'));
        return;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, fs.createWriteStream(target, { mode: 0o600 }));
  } catch {
    fs.rmSync(target, { force: true });
    if (over) return tooLarge(limit);
    return { status: 400, body: { ok: false, error: { code: 'BAD_REQUEST', message: 'The file did not arrive whole. Try again.' } } };
  }
  const importId = files.add({ path: target, name: fileNameOf(req.headers[FILE_NAME_HEADER]), temporary: true });
  return { status: 200, body: { ok: true, value: { importId, fileName: fileNameOf(req.headers[FILE_NAME_HEADER]) } } };
}
