// What follows a confirmed Resend invites: a dialog with what main did (new invites for whom, who was left alone and
// why) and how the invites are going out; closed while emails still go, a notice above the People list keeps
// counting them until they are all sent or failed.
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import type { BulkResult, ResendStatus } from '../../../common/bulk.ts';
import { DoneAction } from '../components/dialog-parts.tsx';
import { resultMessage } from './bulk-wording.ts';
import { ResendProgress } from './resend-progress.tsx';
import { useResendStatus } from './use-resend-status.ts';

interface DialogProps {
  result: BulkResult;
  invites: ResendStatus;
  /** How many the confirmation named. */
  confirmed: number;
  /** `stillSending`: the status as the dialog closed, when emails are still going out. */
  onClose: (stillSending: ResendStatus | null) => void;
}

export function ResendInvitesDialog({ result, invites, confirmed, onClose }: DialogProps) {
  const titleId = useId();
  const [status, setStatus] = useResendStatus(invites);
  const close = () => onClose(status.byEmail && status.pending > 0 ? status : null);
  return (
    <Dialog open onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>New invites</DialogTitle>
      <DialogContent>
        <DialogContentText>{resultMessage(result, confirmed)}</DialogContentText>
        {status.byEmail && status.pending > 0 && (
          <DialogContentText variant="body2" sx={{ mt: 1 }}>
            The emails go out one at a time; you can close this and keep working.
          </DialogContentText>
        )}
        <ResendProgress status={status} onCodesTaken={setStatus} />
      </DialogContent>
      <DoneAction onClose={close} />
    </Dialog>
  );
}

/** Above the People list: the emails of a resend whose dialog was closed, counted until done; then dismissable. */
export function ResendNotice({ first, onDismiss }: { first: ResendStatus; onDismiss: () => void }) {
  const [status, setStatus] = useResendStatus(first);
  const done = status.pending === 0;
  return (
    <Alert severity={done && status.failed > 0 ? 'warning' : 'info'} onClose={done ? onDismiss : undefined} sx={{ m: 2 }} aria-label="Invite emails">
      <ResendProgress status={status} onCodesTaken={setStatus} />
    </Alert>
  );
}
