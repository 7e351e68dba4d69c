// The CSV files waiting to be imported, by id: an upload (browser mode: a private copy in the data folder, deleted
// once read or after a while) or the file the admin chose in the system's picker (Electron: main reads the path
// itself, the renderer never holds the content). An id is 128 random bits, good once: opening the import spends it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const UPLOAD_FOLDER = 'import-uploads';
/** An upload nobody opened within this time is deleted. */
export const UPLOAD_LIFETIME_MS = 10 * 60 * 1000;
/** At most this many uploads wait at once; an older one is dropped for a new one. */
const MAX_WAITING = 4;

export interface ImportFile {
  path: string;
  /** The name the admin knows it by (shown in the dialog and the log). */
  name: string;
  /** A private copy to delete once read (uploads); false for a file of the admin's own. */
  temporary: boolean;
  addedAt: number;
}

/** A file name fit to show and record: its base name, without control characters, at most 120 characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return clean || 'people.csv';
}

export class ImportFiles {
  private readonly files = new Map<string, ImportFile>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where a new upload is written; removes whatever an earlier run left there. */
  uploadFolder(): string {
    const folder = path.join(this.dataDir, UPLOAD_FOLDER);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    return folder;
  }

  /** A fresh path for an upload (not yet registered). */
  newUploadPath(): string {
    return path.join(this.uploadFolder(), `${randomBytes(12).toString('hex')}.csv.part`);
  }

  add(file: Omit<ImportFile, 'addedAt'>): string {
    this.sweep();
    const id = randomBytes(16).toString('base64url');
    this.files.set(id, { ...file, addedAt: this.now() });
    return id;
  }

  /** Spends an id: the file, once; undefined when unknown, spent or expired. */
  take(id: string): ImportFile | undefined {
    this.sweep();
    const file = this.files.get(id);
    this.files.delete(id);
    return file;
  }

  /** Deletes a private copy (a file of the admin's own is never touched). */
  discard(file: ImportFile): void {
    if (file.temporary) fs.rmSync(file.path, { force: true });
  }

  /** Expired uploads, and the oldest beyond MAX_WAITING, are deleted. */
  private sweep(): void {
    const now = this.now();
    const byAge = [...this.files].sort((a, b) => a[1].addedAt - b[1].addedAt);
    byAge.forEach(([id, f], i) => {
      if (f.addedAt + UPLOAD_LIFETIME_MS <= now || byAge.length - i >= MAX_WAITING) {
        this.files.delete(id);
        this.discard(f);
      }
    });
  }

  /** At start and close: uploads from a run that ended are of no use to anyone. */
  clear(): void {
    for (const f of this.files.values()) this.discard(f);
    this.files.clear();
    fs.rmSync(path.join(this.dataDir, UPLOAD_FOLDER), { recursive: true, force: true });
  }
}
