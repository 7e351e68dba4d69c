// The shared CSV writer: RFC 4180 as Papa Parse writes it, formula injection neutralised cell by cell, and a
// stream that waits for a slow reader and stops when the reader goes away.
import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvChunk, writeCsv } from '../../../main/core/csv/csv-writer.ts';

/** A reader that takes `highWaterMark` bytes and then makes the writer wait for each chunk. */
function slowSink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      setTimeout(done, 1);
    },
  }) as Writable & { text: () => string };
  sink.text = () => Buffer.concat(chunks).toString('utf8');
  return sink;
}

describe('the CSV writer', () => {
  it('writes RFC 4180: CRLF after every record, fields with commas, quotes or line breaks quoted, quotes doubled', () => {
    expect(csvChunk([['plain', 'a,b', 'say "hi"', 'two\nlines', null, 7]])).toBe('plain,"a,b","say ""hi""","two\nlines",,7\r\n');
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['=HYPERLINK("http://evil")\nsecond line', `'=HYPERLINK("http://evil")\nsecond line`],
    ['a=b', 'a=b'],
    ['Grace Hopper', 'Grace Hopper'],
  ])('neutralises a cell starting like a formula: %j', (cell, shown) => {
    const [row] = Papa.parse<string[]>(csvChunk([[cell]]), { newline: '\r\n' }).data;
    expect(row).toEqual([shown]);
  });

  it('never escapes numbers (a negative count stays a number)', () => {
    expect(csvChunk([[-3, 4.5]])).toBe('-3,4.5\r\n');
  });

  it('streams a header and many rows to a slow reader, with a BOM, and reads back the same', async () => {
    const sink = slowSink();
    const rows = function* () {
      for (let i = 0; i < 2000; i++) yield [`person ${i}`, i % 7 === 0 ? '=danger' : 'safe, "quoted"', i];
    };
    const written = await writeCsv(sink, ['Name', 'Note', 'N'], rows(), { rowsPerChunk: 128 });
    sink.end();
    expect(written).toBe(2000);
    const text = sink.text();
    expect(text.startsWith('\uFEFFName,Note,N\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(2001);
    expect(parsed[1]).toEqual(['person 0', "'=danger", '0']);
    expect(parsed[2]).toEqual(['person 1', 'safe, "quoted"', '1']);
  });

  it('stops with an error when the reader goes away mid-way, instead of waiting for ever', async () => {
    const sink = slowSink();
    const endless = function* () {
      for (let i = 0; ; i++) {
        if (i === 300) sink.destroy();
        yield ['row', i];
      }
    };
    await expect(writeCsv(sink, ['a', 'b'], endless(), { rowsPerChunk: 50 })).rejects.toThrow(/closed before the export finished/);
  });
});
