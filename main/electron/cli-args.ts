// Reads Roster's own options from Electron's command line, which also carries Electron's and Chromium's.
import { parseArgs } from 'node:util';

/** The --data-dir value, if given (as "--data-dir DIR" or "--data-dir=DIR"); anything else is ignored. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const value = values['data-dir'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
