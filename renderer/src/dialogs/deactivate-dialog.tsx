// Remove: "Deactivate {name}?" — their sessions end at once; nothing of theirs is deleted.
import DialogContentText from '@mui/material/DialogContentText';
import type { Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

export function DeactivateDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const name = fullName(person);
  return (
    <ConfirmDialog
      title={`Deactivate ${name}?`}
      confirmLabel="Deactivate"
      destructive
      onClose={onClose}
      onSettled={onSettled}
      onConfirm={async () => {
        await call('deactivatePerson', { id: person.id });
        notify(`${name} has been deactivated.`);
        onClose();
      }}
    >
      <DialogContentText>{name} won't be able to log in anymore.</DialogContentText>
    </ConfirmDialog>
  );
}
