// Writes CSV (RFC 4180: CRLF line ends, quotes doubled, fields quoted when needed) to a stream, from rows an
// iterator yields, a chunk at a time: memory stays flat however many rows there are, and the app's loop gets a
// turn between chunks. Papa Parse does the quoting (and will read CSV back for the import side), with every
// cell that a spreadsheet would run as a formula neutralised.
import type { Writable } from 'node:stream';
import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * Cells starting like a formula (=, +, -, @) or with a tab or carriage return are prefixed with ' (OWASP's advice
 * against CSV injection). Papa Parse's own `escapeFormulae: true` pattern ends in `.*$`, which misses a cell
 * holding a line break, so this pattern looks at the first character only. Numbers are never escaped.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  /** A UTF-8 byte order mark first, so spreadsheet programs read accents right (default true). */
  bom?: boolean;
  rowsPerChunk?: number;
  signal?: AbortSignal;
}

/** Resolves once `out` can take more, or rejects if it closes or fails first (the reader went away). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the output closed before the export finished'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}

export function csvChunk(rows: CsvCell[][]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows, { header: false, newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
}

/** Writes `header` and every row; returns the number of rows written (header not counted). */
export async function writeCsv(out: Writable, header: string[], rows: Iterable<CsvCell[]> | AsyncIterable<CsvCell[]>, options: CsvOptions = {}): Promise<number> {
  const perChunk = options.rowsPerChunk ?? 500;
  let written = 0;
  async function* chunks(): AsyncGenerator<string> {
    let chunk: CsvCell[][] = [];
    for await (const row of rows) {
      chunk.push(row);
      if (chunk.length < perChunk) continue;
      yield csvChunk(chunk);
      written += chunk.length;
      chunk = [];
    }
    yield csvChunk(chunk);
    written += chunk.length;
  }
  await writeCsvChunks(out, header, chunks(), options);
  return written;
}

/**
 * Writes `header`, then chunks of CSV made elsewhere (by csvChunk, on a worker thread for a long export), as they
 * come: the output's back-pressure is honoured and the app's loop gets a turn between chunks.
 */
export async function writeCsvChunks(out: Writable, header: string[], chunks: AsyncIterable<string | Uint8Array>, options: Pick<CsvOptions, 'bom' | 'signal'> = {}): Promise<void> {
  const write = async (data: string | Uint8Array) => {
    options.signal?.throwIfAborted();
    if (out.destroyed) throw new Error('the output closed before the export finished');
    if (!out.write(data)) await drained(out);
  };
  await write(`${options.bom === false ? '' : '\uFEFF'}${csvChunk([header])}`);
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    await write(chunk);
    await new Promise<void>((resolve) => setImmediate(resolve)); // let other requests in between chunks
  }
}
