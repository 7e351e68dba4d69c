// Reads the bytes of a CSV file the admin chose into rows of cells, or says plainly why it cannot: too big, not
// text (a spreadsheet's own format, an image), not UTF-8 (UTF-16, or Latin-1 bytes), unterminated quotes, too many
// rows or columns. Pure: the import worker runs it on the file; the tests run it on crafted bytes.
import Papa from 'papaparse';
import { IMPORT_LIMITS } from '../../../common/people-import.ts';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

export type FileProblemCode = 'TOO_LARGE' | 'BINARY' | 'ENCODING' | 'EMPTY' | 'QUOTES' | 'TOO_MANY_ROWS' | 'TOO_MANY_COLUMNS';

export class FileProblem extends Error {
  constructor(
    readonly problem: FileProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}

export interface CsvTable {
  delimiter: Delimiter;
  headers: string[];
  /** Data rows (no header, no empty lines), each with the file line it starts on. */
  rows: string[][];
  lines: number[];
}

const SAVE_AS = 'Save it from your spreadsheet program as “CSV UTF-8” and choose it again.';

/** The file's text, or why it is not UTF-8 text. A UTF-8 byte order mark is dropped. */
export interface Limits {
  bytes: number;
  rows: number;
  columns: number;
}

export function decodeText(bytes: Uint8Array, limits: Limits = IMPORT_LIMITS): string {
  if (bytes.length > limits.bytes) throw new FileProblem('TOO_LARGE', `The file is larger than ${limits.bytes / 1024 / 1024} MB. Split it into smaller files.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileProblem('ENCODING', `The file is saved as UTF-16 (“Unicode text”), not UTF-8. ${SAVE_AS}`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new FileProblem('BINARY', `This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. ${SAVE_AS}`);
  }
  // NUL never occurs in text; a few in the first bytes is a binary file (or UTF-16 without a byte order mark).
  if (bytes.subarray(0, 8192).includes(0)) throw new FileProblem('BINARY', `This is not a text file (it holds binary data). ${SAVE_AS}`);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    const bad = loose.indexOf('\uFFFD');
    const line = countLines(loose, Math.max(0, bad));
    throw new FileProblem('ENCODING', `The file is not UTF-8 text (line ${line} holds bytes UTF-8 does not allow, as Latin-1 or Windows-1252 files do). ${SAVE_AS}`);
  }
}

/** 1-based line of a character position. */
export function countLines(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The delimiter that splits the header line into the most cells (a one-column file: a comma). */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.replace(/^\s*[\r\n]+/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best: Delimiter = ',';
  let most = 1;
  for (const d of DELIMITERS) {
    const cells = Papa.parse<string[]>(firstLine, { delimiter: d }).data[0]?.length ?? 0;
    if (cells > most) {
      most = cells;
      best = d;
    }
  }
  return best;
}

const isEmpty = (row: string[]) => row.every((c) => c.trim() === '');

export function readCsv(bytes: Uint8Array, limits: Limits = IMPORT_LIMITS): CsvTable {
  const text = decodeText(bytes, limits);
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let headers = null as string[] | null; // `as`: set in the parser's callback, which the compiler cannot follow
  let line = 1;
  let cursor = 0;
  let problem = null as FileProblem | null;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: undefined,
    step: (result, parser) => {
      // The line the row starts on: newlines between the previous row's start and this one's.
      const start = result.meta.cursor - 1;
      const row = result.data;
      const quotes = result.errors.find((e) => e.type === 'Quotes');
      if (quotes) {
        const at = typeof quotes.index === 'number' ? quotes.index : cursor;
        problem = new FileProblem('QUOTES', `Line ${countLines(text, at + 1)}: a quoted cell is not closed (${quotes.message.toLowerCase()}). Check the quotes on that line.`);
        parser.abort();
        return;
      }
      if (row.length > limits.columns) {
        problem = new FileProblem('TOO_MANY_COLUMNS', `Line ${line}: a row with ${row.length.toLocaleString('en')} columns (at most ${limits.columns.toLocaleString('en')}). Is this the right file?`);
        parser.abort();
        return;
      }
      const rowLine = line;
      line += countNewlines(text, cursor, start + 1);
      cursor = start + 1;
      if (isEmpty(row)) return;
      if (headers === null) {
        headers = row.map((h) => h.trim());
        return;
      }
      if (rows.length >= limits.rows) {
        problem = new FileProblem('TOO_MANY_ROWS', `The file has more than ${limits.rows.toLocaleString('en')} rows. Split it into smaller files.`);
        parser.abort();
        return;
      }
      rows.push(row);
      lines.push(rowLine);
    },
  });
  if (problem) throw problem;
  if (headers === null) throw new FileProblem('EMPTY', 'The file is empty: it needs a header row (First name, Last name, Email…) and a row per person.');
  return { delimiter, headers, rows, lines };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
