// Edit Details: first name, last name and email, warning that the email is what they sign in with.
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { contract, type Person } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { fullName } from '../format.ts';
import { PersonFields } from '../components/person-fields.tsx';
import { useForm } from '../hooks/use-form.ts';
import { DialogError, CancelAndAction } from '../components/dialog-parts.tsx';

const schema = contract.editPerson.input.omit({ id: true });

export function EditDetailsDialog({ person, onClose, onSettled }: { person: Person; onClose: () => void; onSettled: () => void }) {
  const form = useForm({ firstName: person.firstName, lastName: person.lastName, email: person.email });
  const notify = useSnackbar();
  const titleId = useId();
  const name = fullName(person);

  const submit = async () => {
    let failed = false;
    const saved = await form.submit(schema, (v) =>
      call('editPerson', { id: person.id, ...v }).catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    );
    // Whatever main said, the list behind should show the truth (a refusal may mean someone else changed it).
    if (saved || failed) onSettled();
    if (!saved) return;
    notify(`${fullName(saved)}'s details have been saved.`);
    onClose();
  };

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
          <Alert severity="warning" sx={{ mt: 1 }}>
            Changing the email changes the address {name} signs in with.
          </Alert>
          <DialogError message={form.formError} />
        </DialogContent>
        <CancelAndAction onCancel={onClose} label="Save" busy={form.submitting} />
      </form>
    </Dialog>
  );
}
