// "No sign-in for N days" with a number of the admin's choosing, checked with the same rule main applies.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { idleDaysField } from '../../../common/people-filter-schema.ts';

export function IdleDaysDialog({ onClose, onChoose }: { onClose: () => void; onChoose: (days: number) => void }) {
  const [text, setText] = useState('60');
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const submit = () => {
    const parsed = idleDaysField.safeParse(Number(text.trim() === '' ? NaN : text));
    if (!parsed.success) {
      setError(text.trim() === '' || Number.isNaN(Number(text)) ? 'Enter a whole number of days.' : (parsed.error.issues[0]?.message ?? 'Enter a whole number of days.'));
      return;
    }
    onChoose(parsed.data);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id={titleId}>No sign-in for how many days?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Shows people whose last sign-in (or, if they never signed in, whose account&apos;s creation) is longer ago than this.
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label="Days"
            inputMode="numeric"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            error={!!error}
            helperText={error ?? ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Show
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
