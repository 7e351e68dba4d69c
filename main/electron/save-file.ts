// Exports under Electron: the system's save dialog, attached to Roster's window, then main writes the file itself
// (to a temporary name beside the chosen one, renamed when complete, so a failed export never leaves half a file).
// What to ask and what an answer means are pure functions (tested); the adapter only shows the dialog.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { BrowserWindow, Dialog, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ExportFile, FileDelivery } from '../core/exports/file-delivery.ts';

export function saveDialogOptions(fileName: string, folder: string): SaveDialogOptions {
  return {
    title: 'Export as CSV',
    buttonLabel: 'Export',
    defaultPath: path.join(folder, fileName),
    filters: [
      { name: 'CSV files', extensions: ['csv'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  };
}

/** The chosen path, or null when the admin cancelled. */
export function chosenPath(result: Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>): string | null {
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function writeExport(file: ExportFile, target: string): Promise<number> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  const abort = new AbortController();
  const through = new PassThrough();
  const piping = pipeline(through, fs.createWriteStream(tmp, { mode: 0o600 }), { signal: abort.signal });
  try {
    const rows = await file.write(through, abort.signal);
    through.end();
    await piping;
    fs.renameSync(tmp, target);
    return rows;
  } catch (err) {
    abort.abort();
    await piping.catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export function saveDialogDelivery(dialog: Pick<Dialog, 'showSaveDialog'>, window: () => BrowserWindow | null, folder: () => string): FileDelivery {
  return {
    async deliver(file) {
      file.authorise();
      const options = saveDialogOptions(file.fileName, folder());
      const parent = window();
      const target = chosenPath(parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options));
      if (!target) return { kind: 'cancelled' };
      file.authorise(); // the dialog may have stayed open a long time
      return { kind: 'saved', path: target, rows: await writeExport(file, target) };
    },
  };
}
