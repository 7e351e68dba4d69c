// The Backups page's folder and file pickers over Electron's dialog. What to ask and what an answer means are
// pure functions (tested); the adapter only shows the dialog, attached to Roster's window when there is one.
import type { BrowserWindow, Dialog, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { PathPicker } from '../core/backups/backups-service.ts';

export function pickerOptions(kind: 'folder' | 'file' | 'csv', defaultPath: string): OpenDialogOptions {
  if (kind === 'csv') {
    return {
      title: 'Choose a CSV file of people to import',
      buttonLabel: 'Preview this file',
      properties: ['openFile', 'dontAddToRecent'],
      filters: [
        { name: 'CSV files', extensions: ['csv', 'txt', 'tsv'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
  }
  if (kind === 'folder') {
    return { title: 'Choose where backups go', buttonLabel: 'Use this folder', defaultPath, properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] };
  }
  return {
    title: 'Choose a backup to restore',
    buttonLabel: 'Check this backup',
    defaultPath,
    properties: ['openFile', 'dontAddToRecent'],
    filters: [
      { name: 'Roster backups', extensions: ['db', 'bak'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}

/** The one chosen path, or null when the admin cancelled. */
export function pickedPath(result: Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>): string | null {
  return result.canceled || result.filePaths.length !== 1 ? null : (result.filePaths[0] ?? null);
}

export function dialogPathPicker(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BrowserWindow | null, defaultPath: () => string): PathPicker {
  return {
    async pick(kind) {
      const options = pickerOptions(kind, defaultPath());
      const parent = window();
      return pickedPath(parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options));
    },
  };
}
