// A failure to start becomes one sentence for the error dialog, never a stack trace.
import { describe, expect, it } from 'vitest';
import { AlreadyRunningError } from '../../../main/core/data-dir-lock.ts';
import { DataDirError } from '../../../main/core/data-dir.ts';
import { DatabaseFileError } from '../../../main/core/db/open-database.ts';
import { NativeBindingError, startupErrorMessage } from '../../../main/electron/startup-error.ts';

describe('startupErrorMessage', () => {
  it.each([
    new DataDirError('Roster cannot use the data folder /x: it is not writable. Choose another with --data-dir.'),
    new DatabaseFileError('/x/roster.db is not a Roster database (not an SQLite file).'),
    new AlreadyRunningError('Roster is already running with this data folder (process 42).'),
    new NativeBindingError("Roster's SQLite driver for Electron 45.5.0 is missing."),
  ])('passes Roster\'s own message through: $name', (err) => {
    expect(startupErrorMessage(err)).toBe(err.message);
  });

  it('explains a driver built for the wrong runtime', () => {
    const err = new Error("The module 'better_sqlite3.node' was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115.");
    expect(startupErrorMessage(err)).toMatch(/built for another runtime.*electron-native\.mjs/);
  });

  it('keeps only the first line of anything unexpected', () => {
    const err = new Error('boom\n    at secret (/home/me/file.js:1:1)');
    const message = startupErrorMessage(err);
    expect(message).toBe('Something unexpected stopped Roster from starting: boom');
    expect(message).not.toContain(' at ');
  });

  it('copes with something thrown that is not an Error', () => {
    expect(startupErrorMessage('plain')).toBe('Something unexpected stopped Roster from starting: plain');
    expect(startupErrorMessage('')).toBe('Something unexpected stopped Roster from starting: unknown error');
  });
});
