// Reset Password: "Reset {name}'s password?", saying what will happen, then the temporary password or the email sent.
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useState } from 'react';
import type { Delivery, Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { DeliveryResult } from '../components/delivery-result.tsx';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { DialogError, CancelAndAction, DoneAction } from '../components/dialog-parts.tsx';

export function ResetPasswordDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const titleId = useId();
  const name = fullName(person);
  const [emailConfigured, setEmailConfigured] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);

  useEffect(() => {
    call('getStatus', {}).then((s) => setEmailConfigured(s.emailConfigured), () => setEmailConfigured(false));
  }, []);

  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('resetPassword', { id: person.id });
      setDelivery(result.delivery);
      notify(`${name}'s password has been reset.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      onSettled();
    }
  };

  if (delivery) {
    return (
      <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <DialogTitle id={titleId}>{name}'s password has been reset</DialogTitle>
        <DialogContent>
          <DeliveryResult delivery={delivery} purpose="reset" />
        </DialogContent>
        <DoneAction onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Reset {name}'s password?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {emailConfigured === null
            ? '…'
            : emailConfigured
              ? `We'll email ${name} a one-time code (valid for 1 hour) to choose a new password.`
              : `Roster will create a temporary password and show it to you once, for you to hand to ${name}.`}{' '}
          Their current password stops working now, they are signed out everywhere, and they'll choose a new
          password when they next sign in.
        </DialogContentText>
        <DialogError message={error} />
      </DialogContent>
      <CancelAndAction onCancel={onClose} label="Reset password" busy={busy} onAction={reset} disabled={emailConfigured === null} />
    </Dialog>
  );
}
