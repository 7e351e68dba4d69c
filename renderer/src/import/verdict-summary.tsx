// How many rows get each verdict, in one line of chips: what the import will do before anything is written.
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { VERDICTS, VERDICT_LABELS, type Verdict, type VerdictCounts } from '../../../common/people-import.ts';

export function VerdictSummary({ counts, rows, selected, onSelect }: { counts: VerdictCounts; rows: number; selected?: Verdict | null; onSelect?: (v: Verdict | null) => void }) {
  const shown = VERDICTS.filter((v) => v === 'add' || counts[v] > 0);
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="verdict-counts" role={onSelect ? 'group' : undefined} aria-label={onSelect ? 'Show rows' : undefined}>
      {onSelect && <Chip label={`All rows: ${rows.toLocaleString()}`} color={selected === null ? 'primary' : 'default'} onClick={() => onSelect(null)} aria-pressed={selected === null} />}
      {shown.map((v) => (
        <Chip
          key={v}
          label={`${VERDICT_LABELS[v]}: ${counts[v].toLocaleString()}`}
          color={v === 'add' ? 'success' : selected === v ? 'primary' : 'default'}
          variant={selected === v || (!onSelect && v === 'add') ? 'filled' : 'outlined'}
          onClick={onSelect ? () => onSelect(v) : undefined}
          aria-pressed={onSelect ? selected === v : undefined}
        />
      ))}
    </Stack>
  );
}
