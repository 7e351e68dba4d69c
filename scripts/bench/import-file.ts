// A CSV of N new people to import (the bench's 100,000-row file and the SIGKILL test's): a header with the names
// spreadsheets use, accents, quotes around some cells, CRLF line ends, every row valid and every address new.
import fs from 'node:fs';

const FIRST = ['Émile', 'Zoë', 'Łukasz', 'Ana María', 'Jean-Luc', 'Siobhán', 'Kenji', 'Amara', 'Ólafur', 'Priya'];
const LAST = ['Zola', "O'Brien", 'Nowak', 'García López', 'Picard', 'Ní Bhriain', 'Tanaka', 'Okafor', 'Arnalds', 'Sharma'];

export function importCsv(rows: number, domain = 'import.example'): string {
  const lines = ['Given name,Surname,E-mail,Role'];
  for (let i = 0; i < rows; i++) {
    const last = LAST[(i * 7) % LAST.length]!;
    lines.push(`${FIRST[i % FIRST.length]},${i % 5 === 0 ? `"${last}, Jr."` : last},person${i}@${domain},${i % 1000 === 0 ? 'admin' : 'user'}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function writeImportCsv(file: string, rows: number, domain?: string): number {
  const text = importCsv(rows, domain);
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}
