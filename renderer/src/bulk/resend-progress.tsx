// How a Resend invites is going out, in words: the emails sent, failed (the first few, with why) and still to go, with
// a bar while they go; or, without email, the new codes to download once. Shown in its dialog, and above the
// People list when that dialog is closed while emails are still going out.
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ResendStatus } from '../../../common/bulk.ts';
import { call } from '../api.ts';
import { downloadFile } from '../components/download-file.ts';
import { formatDateTime } from '../format.ts';
import { count } from './bulk-wording.ts';

/** "12 of 40 sent, 1 failed" and so on: the one sentence the dialog, the notice and the tests read. */
export function emailProgress(s: ResendStatus): string {
  const parts = [`${s.sent.toLocaleString('en')} of ${count(s.total, 'invite email', 'invite emails')} sent`];
  if (s.failed) parts.push(`${s.failed.toLocaleString('en')} failed`);
  if (s.pending) parts.push(`${s.pending.toLocaleString('en')} to go…`);
  return parts.join(', ') + (s.pending ? '' : '.');
}

export function ResendProgress({ status, onCodesTaken }: { status: ResendStatus; onCodesTaken: (s: ResendStatus) => void }) {
  const [error, setError] = useState<string | null>(null);
  if (status.total === 0) return null; // no one selected was invited: the result's own sentence says so
  if (!status.byEmail) {
    if (status.codes === 'none') return null;
    const download = async () => {
      setError(null);
      try {
        const outcome = await call('resendInviteCodes', { batchId: status.batchId });
        if (outcome.kind === 'download') downloadFile(outcome.url);
        onCodesTaken({ ...status, codes: 'taken' });
      } catch (err) {
        setError((err as Error).message);
      }
    };
    return (
      <Stack spacing={1} sx={{ mt: 2 }}>
        <Alert severity={status.codes === 'available' ? 'warning' : 'info'}>
          {status.codes === 'available'
            ? `Email is not set up: download the new invite codes now, once (they work until ${formatDateTime(status.expiresAt)}). Hand each person their code; they enter it with their email under “Have an invite code?” on the sign-in page.`
            : 'The new invite codes were downloaded; they are not shown again.'}
        </Alert>
        {status.codes === 'available' && (
          <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download()} sx={{ alignSelf: 'flex-start' }}>
            Download invite codes (once)
          </Button>
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    );
  }
  const done = status.total - status.pending;
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Typography role="status">{emailProgress(status)}</Typography>
      {status.pending > 0 && <LinearProgress variant="determinate" value={status.total ? (100 * done) / status.total : 100} aria-label="Invite emails sent" />}
      {status.failed > 0 && (
        <Alert severity="error">
          {count(status.failed, 'invite email', 'invite emails')} could not be sent:{' '}
          {status.failures.map((f) => `${f.name} <${f.email}> (${f.reason})`).join('; ')}
          {status.failed > status.failures.length ? '; …' : ''}. Their new codes were withdrawn: use Resend invite on their row once email works.
        </Alert>
      )}
    </Stack>
  );
}
