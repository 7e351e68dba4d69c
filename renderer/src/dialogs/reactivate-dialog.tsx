// Reactivate a deactivated person: they keep their role and can sign in again.
import DialogContentText from '@mui/material/DialogContentText';
import type { Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

export function ReactivateDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const name = fullName(person);
  return (
    <ConfirmDialog
      title={`Reactivate ${name}?`}
      confirmLabel="Reactivate"
      onClose={onClose}
      onSettled={onSettled}
      onConfirm={async () => {
        await call('reactivatePerson', { id: person.id });
        notify(`${name} has been reactivated.`);
        onClose();
      }}
    >
      <DialogContentText>
        {name} will be able to sign in again with their current password, as {person.role === 'admin' ? 'an Admin' : 'a User'}.
      </DialogContentText>
    </ConfirmDialog>
  );
}
