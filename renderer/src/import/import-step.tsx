// Step 4: confirm, then the import's progress (written in one transaction, then the invites), and what came of
// it: the invite codes (shown once) or the emails' failures with retry and a temporary password per row, and the
// report of every row.
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ExportOutcome } from '../../../common/activity.ts';
import type { Delivery } from '../../../common/contract.ts';
import type { ImportPreview, ImportStatus, InviteFailure } from '../../../common/people-import.ts';
import { call } from '../api.ts';
import { DeliveryResult } from '../components/delivery-result.tsx';
import { downloadFile } from '../components/download-file.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';

const percent = (a: number, b: number) => (b === 0 ? 100 : Math.round((100 * a) / b));

export function ImportStep({ preview, status, onCodesTaken, onRefresh, onRetry }: { preview: ImportPreview; status: ImportStatus | null; onCodesTaken: () => void; onRefresh: () => void; onRetry: () => void }) {
  if (!status) {
    const skipped = preview.rows - preview.counts.add;
    return (
      <Stack spacing={2}>
        <Typography>
          Add <strong>{preview.counts.add.toLocaleString()}</strong> {preview.counts.add === 1 ? 'person' : 'people'} from {preview.fileName}
          {skipped > 0 ? `; ${skipped.toLocaleString()} rows will be skipped` : ''}. They are added all at once: if anything goes wrong, no one is.
        </Typography>
        <Alert severity="info">
          {preview.emailConfigured
            ? 'Each person gets an invite email to choose their password; the emails go out after the import, in the background.'
            : 'Email is not set up: each person gets a one-time invite code. You download the codes once, as a CSV file, right after the import; they are not shown again.'}
        </Alert>
      </Stack>
    );
  }
  if (status.phase === 'writing') {
    return (
      <Stack spacing={1}>
        <Typography>
          Adding people: {status.written.toLocaleString()} of {status.toWrite.toLocaleString()}…
        </Typography>
        <LinearProgress variant="determinate" value={percent(status.written, status.toWrite)} aria-label="Import progress" />
        <Typography variant="body2" color="text.secondary">
          Other changes in Roster wait until this is saved; you can keep reading.
        </Typography>
      </Stack>
    );
  }
  if (status.phase === 'failed') return <Alert severity="error">The import failed and no one was added: {status.error}</Alert>;
  return <ImportResult status={status} onCodesTaken={onCodesTaken} onRefresh={onRefresh} onRetry={onRetry} />;
}

function ImportResult({ status, onCodesTaken, onRefresh, onRetry }: { status: ImportStatus; onCodesTaken: () => void; onRefresh: () => void; onRetry: () => void }) {
  const notify = useSnackbar();
  const [fallback, setFallback] = useState<{ failure: InviteFailure; delivery: Delivery } | null>(null);
  const download = async (what: 'importCodes' | 'importReport') => {
    try {
      const outcome: ExportOutcome = await call(what, { importId: status.importId });
      if (outcome.kind === 'download') downloadFile(outcome.url);
      if (outcome.kind === 'saved') notify(`Saved to ${outcome.path}.`);
      if (what === 'importCodes') onCodesTaken();
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };
  const temporaryPassword = async (failure: InviteFailure) => {
    try {
      setFallback({ failure, delivery: await call('importFallbackPassword', { importId: status.importId, personId: failure.personId }) });
      onRefresh();
    } catch (err) {
      notify((err as Error).message, 'error');
    }
  };
  const { invites } = status;
  return (
    <Stack spacing={2}>
      <Alert severity="success" data-testid="import-result">
        {status.added.toLocaleString()} {status.added === 1 ? 'person was' : 'people were'} added; {status.skipped.toLocaleString()} rows skipped.
      </Alert>
      {status.codes !== 'none' && (
        <Alert severity={status.codes === 'available' ? 'warning' : 'info'}>
          {status.codes === 'available'
            ? 'Download the invite codes now: the file is offered only once. Hand each person their code; they enter it with their email under “Have an invite code?” on the sign-in page.'
            : 'The invite codes were downloaded. Anyone who needs a new one: Resend invite, from their row.'}
        </Alert>
      )}
      {invites.byEmail && (
        <Stack spacing={1}>
          <Typography>
            Invite emails: {invites.sent.toLocaleString()} sent, {invites.failed.length.toLocaleString()} failed
            {invites.pending ? `, ${invites.pending.toLocaleString()} to go…` : '.'}
          </Typography>
          {status.phase === 'sending' && <LinearProgress variant="determinate" value={percent(invites.sent + invites.failed.length, invites.sent + invites.failed.length + invites.pending)} aria-label="Invites sent" />}
          {invites.failed.length > 0 && (
            <List dense aria-label="Invites that could not be sent">
              {invites.failed.map((f) => (
                <ListItem key={f.personId} secondaryAction={<Button onClick={() => void temporaryPassword(f)} disabled={status.phase === 'sending'}>Temporary password</Button>}>
                  <ListItemText primary={`Line ${f.line}: ${f.email}`} secondary={f.reason} />
                </ListItem>
              ))}
            </List>
          )}
        </Stack>
      )}
      {fallback && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{fallback.failure.email}</Typography>
          <DeliveryResult delivery={fallback.delivery} purpose="invite" />
        </Stack>
      )}
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {status.codes === 'available' && (
          <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download('importCodes')}>
            Download invite codes (once)
          </Button>
        )}
        {invites.failed.length > 0 && status.phase === 'done' && (
          <Button variant="outlined" onClick={onRetry}>
            Send the failed invites again
          </Button>
        )}
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download('importReport')}>
          Download report
        </Button>
      </Stack>
    </Stack>
  );
}
