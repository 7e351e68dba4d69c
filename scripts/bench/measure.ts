// Timing helpers for the bench: repeated runs, medians, and the printed table.
export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(times: number[]): Sample {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** Runs `f` `runs` times (after one warm-up unless told not to) and summarises the wall times in ms. */
export async function timeIt(runs: number, f: (i: number) => unknown, warmUp = true): Promise<Sample> {
  if (warmUp) await f(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f(i);
    times.push(performance.now() - start);
  }
  return summarise(times);
}

export interface Row {
  group: string;
  what: string;
  /** Through the dispatcher (or the process, for start-up and memory). */
  value: Sample;
  unit: 'ms' | 'MB' | 's' | 'times';
  /** The raw SQL floor for the same rows, or the naive query for searches. */
  floor?: Sample;
  floorLabel?: string;
  target?: number;
  note?: string;
  /** UI bench: the longest main-thread task during each run (0 when none passed the Long Tasks API's 50 ms). */
  longTask?: Sample;
  /** UI bench: the median longest task must stay within this many ms. */
  taskTarget?: number;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function verdict(row: Row): 'PASS' | 'FAIL' | '' {
  if (row.target === undefined) return '';
  const tasksOk = row.taskTarget === undefined || !row.longTask || row.longTask.median <= row.taskTarget;
  return row.value.median <= row.target && tasksOk ? 'PASS' : 'FAIL';
}

/** "none" when no run had a task over 50 ms, else the median and the longest. */
const taskCell = (t: Sample | undefined, target: number | undefined) => {
  if (!t) return '';
  const median = t.median === 0 ? 'none' : `${fmt(t.median)} ms`;
  const shown = t.max === 0 ? 'none > 50 ms' : `${median} (max ${fmt(t.max)})`;
  return target === undefined ? shown : `${shown} / ≤ ${target}`;
};

export function printTable(rows: Row[], write: (s: string) => void, options: { floorHeader?: string } = {}): void {
  const tasks = rows.some((r) => r.longTask);
  const header = ['what', 'median', 'min–max', options.floorHeader ?? 'floor (median)', 'ratio', 'target', ...(tasks ? ['longest task'] : []), ''];
  const lines = rows.map((r) => [
    `${r.group}: ${r.what}`,
    `${fmt(r.value.median)} ${r.unit}`,
    `${fmt(r.value.min)}–${fmt(r.value.max)}`,
    r.floor ? `${fmt(r.floor.median)} ${r.unit}${r.floorLabel ? ` ${r.floorLabel}` : ''}` : '',
    r.floor && r.floor.median > 0 ? `${(r.value.median / r.floor.median).toFixed(r.value.median / r.floor.median >= 10 ? 0 : 1)}×` : '',
    r.target === undefined ? '' : `≤ ${r.target} ${r.unit}`,
    ...(tasks ? [taskCell(r.longTask, r.taskTarget)] : []),
    `${verdict(r)}${r.note ? ` ${r.note}` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  write(line(header));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) write(line(l));
}
