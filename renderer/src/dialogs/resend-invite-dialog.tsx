// Resend invite: sends a fresh invite (the old code stops working) and says how it went.
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import type { Delivery, Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { DeliveryResult } from '../components/delivery-result.tsx';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { DialogError, CancelAndAction, DoneAction } from '../components/dialog-parts.tsx';

export function ResendInviteDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const titleId = useId();
  const name = fullName(person);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);

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
          <DialogContentText>A new invite goes to {person.email}; the previous one stops working.</DialogContentText>
        )}
        <DialogError message={error} />
      </DialogContent>
      {delivery ? <DoneAction onClose={onClose} /> : <CancelAndAction onCancel={onClose} label="Resend invite" busy={busy} onAction={resend} />}
    </Dialog>
  );
}
