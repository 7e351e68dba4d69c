// File steps that must survive a crash or power cut: flush a file, flush a folder (so a rename in it is on disk),
// and write a small file whole or not at all. `atomically` (conf's writer) flushes the file but not its folder,
// and the restore swap relies on each rename being on disk before the next step begins.
import fs from 'node:fs';
import path from 'node:path';

export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (renames, creations, deletions). Windows cannot open folders; NTFS journals them. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `content` to a temporary file beside `file`, flushes it, renames it over `file` and flushes the folder. */
export function writeFileDurably(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Renames and flushes the folders involved, so the rename is on disk when this returns. */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncDir(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) fsyncDir(path.dirname(from));
}

export function removeIfPresent(file: string): void {
  fs.rmSync(file, { force: true });
}
