// Add person: first name, last name, email; then how they get in (temporary password shown once, or an invite).
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

export function AddPersonDialog({ onClose, onAdded }: { onClose: () => void; onAdded: () => void }) {
  const form = useForm({ firstName: '', lastName: '', email: '' });
  const [added, setAdded] = useState<{ person: Person; delivery: Delivery } | null>(null);
  const notify = useSnackbar();
  const titleId = useId();

  const submit = async () => {
    const result = await form.submit(contract.addPerson.input, (v) => call('addPerson', v));
    if (!result) return;
    setAdded(result);
    notify(`${fullName(result.person)} has been added.`);
    onAdded();
  };

  return (
    <Dialog open onClose={form.submitting ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      {added ? (
        <>
          <DialogTitle id={titleId}>{fullName(added.person)} has been added</DialogTitle>
          <DialogContent>
            <DeliveryResult delivery={added.delivery} purpose="invite" />
          </DialogContent>
          <DoneAction onClose={onClose} />
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogTitle id={titleId}>Add person</DialogTitle>
          <DialogContent>
            <PersonFields form={form} />
            <DialogError message={form.formError} />
          </DialogContent>
          <CancelAndAction onCancel={onClose} label="Add person" busy={form.submitting} />
        </form>
      )}
    </Dialog>
  );
}
