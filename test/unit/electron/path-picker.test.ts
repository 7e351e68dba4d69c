import { describe, expect, it } from 'vitest';
import { dialogPathPicker, pickedPath, pickerOptions } from '../../../main/electron/path-picker.ts';

describe('the Backups pickers', () => {
  it('ask for a folder (which may be created) or for one file, starting in the backups folder', () => {
    expect(pickerOptions('folder', '/data/backups')).toMatchObject({ defaultPath: '/data/backups', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] });
    const file = pickerOptions('file', '/data/backups');
    expect(file.properties).toEqual(['openFile', 'dontAddToRecent']);
    expect(file.properties).not.toContain('multiSelections');
    expect(file.filters?.[0]?.extensions).toEqual(['db', 'bak']);
  });

  it('ask for one CSV file to import (People → Import CSV), never several', () => {
    const csv = pickerOptions('csv', '/data/backups');
    expect(csv.properties).toEqual(['openFile', 'dontAddToRecent']);
    expect(csv.defaultPath).toBeUndefined(); // the system's usual place, not the backups folder
    expect(csv.filters?.[0]?.extensions).toEqual(['csv', 'txt', 'tsv']);
  });

  it.each([
    [{ canceled: true, filePaths: [] }, null],
    [{ canceled: true, filePaths: ['/x'] }, null],
    [{ canceled: false, filePaths: [] }, null],
    [{ canceled: false, filePaths: ['/a', '/b'] }, null],
    [{ canceled: false, filePaths: ['/data/backups/roster.db'] }, '/data/backups/roster.db'],
  ])('read %j as %s', (result, expected) => {
    expect(pickedPath(result)).toBe(expected);
  });

  it('attach the dialog to Roster\'s window when it has one', async () => {
    const calls: unknown[][] = [];
    const dialog = { showOpenDialog: (...args: unknown[]) => (calls.push(args), Promise.resolve({ canceled: false, filePaths: ['/picked'] })) };
    const window = Object.create(null) as import('electron').BrowserWindow; // only its identity is checked
    const withWindow = dialogPathPicker(dialog, () => window, () => '/d');
    expect(await withWindow.pick('folder')).toBe('/picked');
    expect(calls[0]![0]).toBe(window);
    const without = dialogPathPicker(dialog, () => null, () => '/d');
    expect(await without.pick('file')).toBe('/picked');
    expect(calls[1]).toHaveLength(1);
  });
});
