// Where both benches keep their results: bench/results/<date>-<name>.json, with the machine it ran on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verdict, type Row } from './measure.ts';

/** Writes `body`, its rows with their verdicts and the machine (plus `machine`'s extra facts); returns the file. */
export function writeResults(root: string, name: string, body: Record<string, unknown> & { rows: Row[] }, machine: Record<string, string>): string {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  const about = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg(),
    node: process.version,
    ...machine,
    platform: `${os.platform()} ${os.release()}`,
  };
  const { rows, ...rest } = body;
  const out = { date: new Date().toISOString(), ...rest, machine: about, rows: rows.map((r) => ({ ...r, verdict: verdict(r) })) };
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  return file;
}
