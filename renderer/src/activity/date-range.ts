// The Activity date filter: presets counted in the admin's local days, and a custom range of whole local days.
export type RangePreset = 'all' | 'today' | '7d' | '30d' | 'custom';

export const PRESET_LABELS: Record<RangePreset, string> = {
  all: 'Any time',
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom range',
};

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
const daysBefore = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - n);

/** [from, to) for a preset: today and the days before it, to no end (what happens next shows up too). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now = new Date()): { from: number | null; to: null } {
  switch (preset) {
    case 'all':
      return { from: null, to: null };
    case 'today':
      return { from: startOfDay(now), to: null };
    case '7d':
      return { from: startOfDay(daysBefore(now, 6)), to: null };
    case '30d':
      return { from: startOfDay(daysBefore(now, 29)), to: null };
  }
}

/** "2026-01-31" as that local day's start, or null when not a date. */
function localDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** From the start of the first day to the end of the last (both included); either may be left empty. */
export function customRange(first: string, last: string): { from: number | null; to: number | null } | { error: string } {
  const from = first ? localDay(first) : null;
  const to = last ? localDay(last) : null;
  if ((first && !from) || (last && !to)) return { error: 'Enter dates as shown.' };
  const range = { from: from ? from.getTime() : null, to: to ? daysBefore(to, -1).getTime() : null };
  if (range.from !== null && range.to !== null && range.from >= range.to) return { error: 'The first day must not be after the last.' };
  return range;
}
