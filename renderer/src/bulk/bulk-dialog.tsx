// The confirmation of a bulk action: how many, the first few names, who the rules will leave alone and why; then
// the action's progress until main answers. Nothing is changed before Confirm.
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useState } from 'react';
import type { BulkAction, BulkPreview, BulkResult } from '../../../common/bulk.ts';
import { call } from '../api.ts';
import { CancelAndAction, DialogError } from '../components/dialog-parts.tsx';
import { BULK_WORDS, count, namesAndOthers, reasonWords } from './bulk-wording.ts';
import { BulkWorking } from './bulk-working.tsx';
import type { SelectionInput } from './selection.ts';

interface Props {
  action: BulkAction;
  selection: SelectionInput;
  onClose: () => void;
  /** Main did it: the result, and how many the confirmation named. */
  onDone: (result: BulkResult, confirmed: number) => void;
  /** Called after a refusal too, so the list behind shows the truth. */
  onSettled: () => void;
}

export function BulkDialog({ action, selection, onClose, onDone, onSettled }: Props) {
  const words = BULK_WORDS[action];
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    let current = true;
    call('previewBulk', { selection, action }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError((err as Error).message),
    );
    return () => {
      current = false;
    };
  }, [selection, action]);

  const confirm = async () => {
    if (!preview) return;
    setRunning(true);
    setError(null);
    try {
      onDone(await call('runBulk', { selection, action, asOf: preview.asOf }), preview.count);
    } catch (err) {
      setError((err as Error).message);
      setRunning(false);
    } finally {
      onSettled();
    }
  };

  const people = preview ? count(preview.count) : 'the selected people';
  return (
    <Dialog open onClose={running ? undefined : onClose} aria-labelledby={titleId} aria-describedby={bodyId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{words.title(people)}</DialogTitle>
      <DialogContent id={bodyId}>
        {!preview && !error && <CircularProgress size={24} aria-label="Counting the selected people" />}
        {preview && preview.count === 0 && <DialogContentText>No one is selected any more: the list changed since.</DialogContentText>}
        {preview && preview.count > 0 && (
          <DialogContentText>
            {namesAndOthers(preview.first, preview.count)} {words.consequence}
          </DialogContentText>
        )}
        {preview && preview.protected.length > 0 && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Left as they are: {preview.protected.map((p) => `${p.name} (${reasonWords(p.reason)})`).join(', ')}.
          </Alert>
        )}
        {running && <BulkWorking label={words.working} />}
        <DialogError message={error} />
      </DialogContent>
      <CancelAndAction
        onCancel={onClose}
        label={words.button}
        busy={running}
        onAction={() => void confirm()}
        destructive={words.destructive}
        disabled={!preview || preview.count === 0}
      />
    </Dialog>
  );
}
