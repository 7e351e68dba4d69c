// Revoke a pending invite: the code they were sent stops working.
import DialogContentText from '@mui/material/DialogContentText';
import type { Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

export function RevokeInviteDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const notify = useSnackbar();
  const name = fullName(person);
  return (
    <ConfirmDialog
      title={`Revoke ${name}'s invite?`}
      confirmLabel="Revoke invite"
      destructive
      onClose={onClose}
      onSettled={onSettled}
      onConfirm={async () => {
        await call('revokeInvite', { id: person.id });
        notify(`${name}'s invite has been revoked.`);
        onClose();
      }}
    >
      <DialogContentText>
        The invite sent to {person.email} will stop working and {name} moves to Deactivated. Nothing is deleted;
        you can reactivate them and resend an invite later.
      </DialogContentText>
    </ConfirmDialog>
  );
}
