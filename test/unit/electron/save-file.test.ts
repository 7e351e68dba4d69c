import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../main/core/exports/file-delivery.ts';
import { chosenPath, saveDialogDelivery, saveDialogOptions } from '../../../main/electron/save-file.ts';
import { tempDir } from '../harness.ts';

const file = (fail = false): ExportFile => ({
  fileName: 'roster-activity.csv',
  contentType: 'text/csv',
  authorise: () => {},
  write(out) {
    out.write('a,b\r\n');
    if (fail) return Promise.reject(new Error('the database went away'));
    out.write('1,2\r\n');
    return Promise.resolve(1);
  },
});

describe('the export save dialog', () => {
  it('asks for a .csv file in the given folder, confirming before overwriting', () => {
    const options = saveDialogOptions('roster-activity.csv', '/home/ada/Downloads');
    expect(options.defaultPath).toBe(path.join('/home/ada/Downloads', 'roster-activity.csv'));
    expect(options.filters?.[0]?.extensions).toEqual(['csv']);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it.each([
    [{ canceled: true, filePath: '/x.csv' }, null],
    [{ canceled: false, filePath: '' }, null],
    [{ canceled: false, filePath: '/home/ada/a.csv' }, '/home/ada/a.csv'],
  ])('reads %j as %s', (result, expected) => {
    expect(chosenPath(result)).toBe(expected);
  });

  it('writes the whole file where the admin chose, or nothing at all when it fails or is cancelled', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'activity.csv');
    const dialog = (filePath: string | undefined) => ({ showSaveDialog: () => Promise.resolve({ canceled: filePath === undefined, filePath: filePath ?? '' }) });
    expect(await saveDialogDelivery(dialog(target) as never, () => null, () => dir).deliver(file())).toEqual({ kind: 'saved', path: target, rows: 1 });
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\r\n1,2\r\n');
    const other = path.join(dir, 'failed.csv');
    await expect(saveDialogDelivery(dialog(other) as never, () => null, () => dir).deliver(file(true))).rejects.toThrow('the database went away');
    expect(fs.readdirSync(dir)).toEqual(['activity.csv']);
    expect(await saveDialogDelivery(dialog(undefined) as never, () => null, () => dir).deliver(file())).toEqual({ kind: 'cancelled' });
  });
});
