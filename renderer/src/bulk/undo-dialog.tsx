// Undo of a bulk action, from its snackbar: main reverts it on its worker (seconds for 100,000 people) while this
// shows the progress; then the outcome goes to the snackbar, or main's refusal (too late, already undone) stays here.
// The call is made by the Undo click itself and handed in, so drawing this dialog twice never undoes twice.
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useState } from 'react';
import type { UndoResult } from '../../../common/bulk.ts';
import { DialogError, DoneAction } from '../components/dialog-parts.tsx';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { undoMessage } from './bulk-wording.ts';
import { BulkWorking } from './bulk-working.tsx';

export function UndoDialog({ undoing, onClose, onSettled }: { undoing: Promise<UndoResult>; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  useEffect(() => {
    let current = true;
    undoing
      .then(
        (undone) => {
          notify(undoMessage(undone));
          if (current) onClose();
        },
        (err: unknown) => current && setError((err as Error).message),
      )
      .finally(onSettled);
    return () => {
      current = false;
    };
  }, [undoing, notify, onClose, onSettled]);
  return (
    <Dialog open onClose={error ? onClose : undefined} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Undo</DialogTitle>
      <DialogContent>
        {!error && <BulkWorking label="Undoing" />}
        <DialogError message={error} />
      </DialogContent>
      {error && <DoneAction onClose={onClose} />}
    </Dialog>
  );
}
