// What a running backup, check or restore is doing, from main's progress reports.
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { BackupProgress as Progress } from '../../../common/backups.ts';

export function BackupProgress({ progress, label }: { progress: Progress | null; label: string }) {
  const percent = progress?.fraction == null ? null : Math.round(progress.fraction * 100);
  const text = progress ? `${progress.phase}${percent === null ? '…' : ` ${percent}%`}` : `${label}…`;
  return (
    <Stack spacing={0.5} role="status" aria-live="polite" sx={{ my: 1 }}>
      <Typography variant="body2">{text}</Typography>
      <LinearProgress aria-label={label} variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? undefined} />
    </Stack>
  );
}
