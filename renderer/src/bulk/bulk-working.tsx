// The progress of a bulk action or its undo: a bar that fills as main reports people written, and the count in words.
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useBulkProgress } from './use-bulk-progress.ts';

export function BulkWorking({ label }: { label: string }) {
  const p = useBulkProgress(true);
  const writing = p?.phase === 'writing' && p.total > 0;
  const text = writing ? `${label}… ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}` : `${label}…`;
  return (
    <Box sx={{ mt: 2 }}>
      <LinearProgress variant={writing ? 'determinate' : 'indeterminate'} value={writing ? (100 * p.done) / p.total : undefined} aria-label={label} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} role="status">
        {text}
      </Typography>
    </Box>
  );
}
