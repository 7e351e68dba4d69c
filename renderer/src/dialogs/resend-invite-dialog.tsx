// Resend invite: says how the current invite stands (sent, expiring, or locked by wrong guesses), sends a fresh
// one (the old code stops working) and says how it went.
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useState } from 'react';
import type { Delivery, InviteStatus, Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { DeliveryResult } from '../components/delivery-result.tsx';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { formatDateTime, fullName } from '../format.ts';
import { DialogError, CancelAndAction, DoneAction } from '../components/dialog-parts.tsx';

export function ResendInviteDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const titleId = useId();
  const name = fullName(person);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [status, setStatus] = useState<InviteStatus | null>(null);
  useEffect(() => {
    call('inviteStatus', { id: person.id }).then(setStatus, () => setStatus(null)); // the dialog works without it
  }, [person.id]);

  const resend = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('resendInvite', { id: person.id });
      setDelivery(result.delivery);
      notify(`A new invite for ${name} is ready.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      onSettled();
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{delivery ? `New invite for ${name}` : `Resend ${name}'s invite?`}</DialogTitle>
      <DialogContent>
        {delivery ? (
          <DeliveryResult delivery={delivery} purpose="invite" />
        ) : (
          <>
            {status && <InviteState status={status} />}
            <DialogContentText>A new invite goes to {person.email}; the previous one stops working.</DialogContentText>
          </>
        )}
        <DialogError message={error} />
      </DialogContent>
      {delivery ? <DoneAction onClose={onClose} /> : <CancelAndAction onCancel={onClose} label="Resend invite" busy={busy} onAction={resend} />}
    </Dialog>
  );
}

function InviteState({ status }: { status: InviteStatus }) {
  const [openedAt] = useState(() => Date.now()); // "expired" is judged once, when the dialog opens
  if (status.lockedAt) {
    return (
      <Alert severity="warning" sx={{ mb: 2 }}>
        The invite sent {formatDateTime(status.sentAt)} stopped working on {formatDateTime(status.lockedAt)} after {status.wrongGuesses} wrong
        code entries: someone may have been guessing it.
      </Alert>
    );
  }
  const expired = Date.parse(status.expiresAt) <= openedAt;
  return (
    <DialogContentText sx={{ mb: 1 }}>
      The current invite was sent {formatDateTime(status.sentAt)} and {expired ? 'expired' : 'expires'} {formatDateTime(status.expiresAt)}.
    </DialogContentText>
  );
}
