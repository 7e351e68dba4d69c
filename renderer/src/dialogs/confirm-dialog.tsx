// A yes/no dialog for one action: progress on the button while main works, the refusal shown if it says no.
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type ReactNode } from 'react';
import { DialogError, CancelAndAction } from '../components/dialog-parts.tsx';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Runs the action; a thrown error's message is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Called after a refusal too, so the list behind shows the truth. */
  onSettled?: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, destructive, onConfirm, onClose, onSettled }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const bodyId = useId();
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      onSettled?.();
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} aria-describedby={bodyId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent id={bodyId}>
        {children}
        <DialogError message={error} />
      </DialogContent>
      <CancelAndAction onCancel={onClose} label={confirmLabel} busy={busy} onAction={confirm} destructive={destructive} />
    </Dialog>
  );
}
