// Edit Details: first name, last name and email. A new email takes the old address's power away (codes sent there
// stop working, sessions end); an invited person gets a new invite at the new address, and the dialog says so.
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { contract, type Delivery, type Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { DeliveryResult } from '../components/delivery-result.tsx';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { PersonFields } from '../components/person-fields.tsx';
import { useForm } from '../hooks/use-form.ts';
import { DialogError, CancelAndAction, DoneAction } from '../components/dialog-parts.tsx';

const schema = contract.editPerson.input.omit({ id: true });

function EmailChangeNote({ person, email }: { person: Person; email: string }) {
  const name = fullName(person);
  const changed = email.trim().toLowerCase() !== person.email;
  if (changed && person.status === 'invited') {
    return (
      <Alert severity="info" sx={{ mt: 1 }}>
        Saving sends a new invite to {email.trim() || 'the new address'}. The invite sent to {person.email} stops working.
      </Alert>
    );
  }
  return (
    <Alert severity="warning" sx={{ mt: 1 }}>
      Changing the email changes the address {name} signs in with
      {changed ? `. ${name} will be signed out everywhere, and any reset code sent to ${person.email} stops working.` : '.'}
    </Alert>
  );
}

export function EditDetailsDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const form = useForm({ firstName: person.firstName, lastName: person.lastName, email: person.email });
  const notify = useSnackbar();
  const titleId = useId();
  const [invite, setInvite] = useState<{ name: string; delivery: Delivery } | null>(null);

  const submit = async () => {
    let failed = false as boolean; // set in the catch below, which the checker cannot see
    const saved = await form.submit(schema, (v) =>
      call('editPerson', { id: person.id, ...v }).catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    );
    // Whatever main said, the list behind should show the truth (a refusal may mean someone else changed it).
    if (saved || failed) onSettled();
    if (!saved) return;
    notify(`${fullName(saved.person)}'s details have been saved.`);
    if (saved.invite) setInvite({ name: fullName(saved.person), delivery: saved.invite });
    else onClose();
  };

  if (invite) {
    return (
      <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <DialogTitle id={titleId}>New invite for {invite.name}</DialogTitle>
        <DialogContent>
          <DeliveryResult delivery={invite.delivery} purpose="invite" />
        </DialogContent>
        <DoneAction onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={form.submitting ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id={titleId}>Edit details</DialogTitle>
        <DialogContent>
          <PersonFields form={form} />
          <EmailChangeNote person={person} email={form.values.email} />
          <DialogError message={form.formError} />
        </DialogContent>
        <CancelAndAction onCancel={onClose} label="Save" busy={form.submitting} />
      </form>
    </Dialog>
  );
}
