// Reading an admin's CSV file: the shapes spreadsheet programs really save (BOM, CRLF, quotes with line breaks,
// ';' in some locales, tabs), and the files that must be refused with a message that says why and where.
import { describe, expect, it } from 'vitest';
import { readCsv, FileProblem } from '../../../main/core/people-csv/csv-reading.ts';
import { suggestMapping } from '../../../main/core/people-csv/column-mapping.ts';
import { checkRow, judgeRows } from '../../../main/core/people-csv/row-verdicts.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function problem(input: Uint8Array, limits?: Parameters<typeof readCsv>[1]): FileProblem {
  try {
    readCsv(input, limits);
  } catch (err) {
    if (err instanceof FileProblem) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('reading CSV files', () => {
  it.each([
    ['a UTF-8 BOM, dropped', bytes([0xef, 0xbb, 0xbf], 'Email,Name\r\nx@y.org,Zoë\r\n'), ',', ['Email', 'Name'], [['x@y.org', 'Zoë']]],
    ['CRLF line ends', utf8('a,b\r\n1,2\r\n3,4\r\n'), ',', ['a', 'b'], [['1', '2'], ['3', '4']]],
    ['quotes holding a line break and a doubled quote', utf8('a,b\n"x\r\ny","say ""hi"""\n'), ',', ['a', 'b'], [['x\r\ny', 'say "hi"']]],
    ['semicolons, as spreadsheet apps save in some locales', utf8('Prénom;Nom;Courriel\nÉmile;Zola;e@z.fr\n'), ';', ['Prénom', 'Nom', 'Courriel'], [['Émile', 'Zola', 'e@z.fr']]],
    ['tabs', utf8('First name\tLast name\tEmail\nA\tB\ta@b.org\n'), '\t', ['First name', 'Last name', 'Email'], [['A', 'B', 'a@b.org']]],
    ['empty lines (and lines of empty cells) skipped', utf8('\n\na,b\n\n1,2\n,\n\n3,4'), ',', ['a', 'b'], [['1', '2'], ['3', '4']]],
    ['a comma inside quotes does not make a semicolon file a comma file', utf8('"Last, First";Email\n"Doe, Jo";j@d.org\n'), ';', ['Last, First', 'Email'], [['Doe, Jo', 'j@d.org']]],
    ['one column', utf8('Email\na@b.org\n'), ',', ['Email'], [['a@b.org']]],
  ])('reads %s', (_, input, delimiter, headers, rows) => {
    const table = readCsv(input);
    expect(table.delimiter).toBe(delimiter);
    expect(table.headers).toEqual(headers);
    expect(table.rows).toEqual(rows);
  });

  it('knows the line each row starts on, across quoted line breaks and empty lines', () => {
    expect(readCsv(utf8('a,b\n"1\n2",x\n\n3,4\n')).lines).toEqual([2, 5]);
  });

  it.each([
    ['UTF-16 (little endian, with BOM)', Buffer.from('\uFEFFa,b\n', 'utf16le'), 'ENCODING', /UTF-16/],
    ['UTF-16 (big endian, with BOM)', bytes([0xfe, 0xff, 0, 0x61]), 'ENCODING', /UTF-16/],
    ['Latin-1 bytes that are not UTF-8, with the line named', bytes('a,b\nok,fine\n', [0x5a, 0x6f, 0xeb], ',x\n'), 'ENCODING', /line 3/],
    ['a spreadsheet workbook (.xlsx: a zip)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'BINARY', /workbook/],
    ['binary data (NUL bytes)', bytes([0x89], 'PNG', [0, 0, 0, 13]), 'BINARY', /binary/],
    ['nothing but empty lines', utf8('\r\n\r\n'), 'EMPTY', /empty/],
    ['an unterminated quote, with its line', utf8('a,b\n1,2\n3,"4\n5,6\n'), 'QUOTES', /^Line 3: a quoted cell is not closed/],
  ])('refuses %s', (_, input, code, message) => {
    const p = problem(input);
    expect(p.problem).toBe(code);
    expect(p.message).toMatch(message);
  });

  it('refuses a file over the size limit, more rows than the limit, and a row with too many columns', () => {
    expect(problem(utf8('a\n12345\n'), { bytes: 4, rows: 10, columns: 10 }).problem).toBe('TOO_LARGE');
    expect(problem(utf8('a\n1\n2\n3\n'), { bytes: 1000, rows: 2, columns: 10 }).message).toMatch(/more than 2 rows/);
    const wide = `a\n${'x,'.repeat(10_000)}x\n`;
    expect(problem(utf8(wide)).message).toMatch(/^Line 2: a row with 10,001 columns \(at most 10,000\)/);
  });
});

describe('guessing the columns from the header', () => {
  it.each([
    [['First name', 'Last name', 'Email', 'Role'], { firstName: 0, lastName: 1, email: 2, role: 3 }],
    [['Given Name', 'Surname', 'E-mail'], { firstName: 0, lastName: 1, email: 2, role: null }],
    [['mail', 'Family name', 'given_name'], { firstName: 2, lastName: 1, email: 0, role: null }],
    [['Email Address', 'FIRST NAME', 'LAST NAME'], { firstName: 1, lastName: 2, email: 0, role: null }],
    // Duplicate headers: the first of each is used, never the same column twice.
    [['Email', 'Email', 'First name', 'First name', 'Last name'], { firstName: 2, lastName: 4, email: 0, role: null }],
    [['Col A', 'Col B'], { firstName: null, lastName: null, email: null, role: null }],
  ])('%j', (headers, mapping) => {
    expect(suggestMapping(headers)).toEqual(mapping);
  });
});

describe('row verdicts, by the same rules as Add person', () => {
  const m = { firstName: 0, lastName: 1, email: 2, role: 3 };
  it.each([
    [['Ada', 'Lovelace', ' Ada@Example.org ', ''], 'add'],
    [['Ada', 'Lovelace', 'ada@example.org', 'ADMIN'], 'add'],
    [['', 'Lovelace', 'ada@example.org', ''], 'missingName'],
    [['Ada', '  ', 'ada@example.org', ''], 'missingName'],
    [['Ada', 'Lovelace', 'ada@', ''], 'invalidEmail'],
    [['Ada', 'Lovelace', '', ''], 'invalidEmail'],
    [['Ada', 'Lovelace', 'ada@example.org', 'owner'], 'unknownRole'],
    [['A'.repeat(101), 'Lovelace', 'ada@example.org', ''], 'tooLong'],
    [['Ada', 'Lovelace', `${'a'.repeat(250)}@example.org`, ''], 'tooLong'],
    [['Ada\u0007', 'Lovelace', 'ada@example.org', ''], 'invalidName'],
  ])('%j → %s', (row, verdict) => {
    expect(checkRow(row, m).verdict).toBe(verdict);
  });

  it('stores what Add person would: trimmed, email lowercased', () => {
    expect(checkRow([' Ada ', 'Lovelace', ' Ada@Example.ORG', 'Admin'], m).person).toEqual({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', role: 'admin' });
  });

  it('a later row with an address already in the file is a duplicate; an address in Roster is skipped', () => {
    const rows = [['A', 'B', 'a@x.org', ''], ['C', 'D', 'A@X.org', ''], ['E', 'F', 'known@x.org', '']];
    const verdicts = judgeRows(rows, [2, 3, 4], m, (e) => e === 'known@x.org');
    expect(verdicts.map((v) => v.verdict)).toEqual(['add', 'duplicate', 'exists']);
    expect(verdicts[1]!.reason).toContain('line 2');
  });
});
