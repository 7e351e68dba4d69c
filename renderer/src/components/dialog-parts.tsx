// What every Roster dialog shares: main's refusal shown in place, "Cancel" beside the action, and "Done".
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import { useLayoutEffect, useRef } from 'react';

export function DialogError({ message }: { message: string | null | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const alert = ref.current;
    // The action's button is disabled while main works, which drops focus to the page body, where Escape and Tab
    // no longer reach the dialog. A refusal brings focus back inside, onto itself (so it is also read out), in the
    // same commit that shows it.
    if (alert && !alert.closest('[role="dialog"]')?.contains(document.activeElement)) alert.focus();
  }, [message]);
  if (!message) return null;
  return (
    <Alert ref={ref} tabIndex={-1} severity="error" role="alert" sx={{ mt: 2 }}>
      {message}
    </Alert>
  );
}

interface CancelAndActionProps {
  onCancel: () => void;
  /** The action's label, e.g. "Deactivate". */
  label: string;
  /** While main works: the action shows progress and neither button can be pressed again. */
  busy: boolean;
  /** Runs the action; leave out when the action submits its form. */
  onAction?: () => unknown;
  destructive?: boolean;
  disabled?: boolean;
}

export function CancelAndAction({ onCancel, label, busy, onAction, destructive, disabled }: CancelAndActionProps) {
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button
        type={onAction ? 'button' : 'submit'}
        variant="contained"
        color={destructive ? 'error' : 'primary'}
        loading={busy}
        disabled={disabled}
        onClick={onAction ? () => void onAction() : undefined}
      >
        {label}
      </Button>
    </DialogActions>
  );
}

export function DoneAction({ onClose }: { onClose: () => void }) {
  return (
    <DialogActions>
      <Button variant="contained" onClick={onClose} autoFocus>
        Done
      </Button>
    </DialogActions>
  );
}
