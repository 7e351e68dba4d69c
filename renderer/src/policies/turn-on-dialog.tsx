// The confirmation of turning the idle policy on (or changing its days while on): asks main again whom it would
// deactivate now and names them and their count; confirming saves the policy and runs it on exactly those people.
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useState } from 'react';
import type { IdlePolicyPreview, IdlePolicySaved } from '../../../common/idle-policy.ts';
import { call } from '../api.ts';
import { count } from '../bulk/bulk-wording.ts';
import { BulkWorking } from '../bulk/bulk-working.tsx';
import { CancelAndAction, DialogError } from '../components/dialog-parts.tsx';
import { days as dayCount, idleAdminsNote, whoWouldGo } from './idle-policy-words.ts';

interface Props {
  days: number;
  /** Already on: this changes its number of days. */
  changing: boolean;
  onClose: () => void;
  onSaved: (saved: IdlePolicySaved) => void;
}

export function TurnOnDialog({ days, changing, onClose, onSaved }: Props) {
  const [preview, setPreview] = useState<IdlePolicyPreview | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    let current = true;
    call('previewIdlePolicy', { days }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError((err as Error).message),
    );
    return () => {
      current = false;
    };
  }, [days]);

  const confirm = async () => {
    if (!preview) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('saveIdlePolicy', { enabled: true, days, asOf: preview.asOf }));
    } catch (err) {
      setError((err as Error).message);
      setSaving(false);
    }
  };

  const title = changing ? `Deactivate accounts after ${dayCount(days)} without sign-in?` : 'Turn on automatic deactivation?';
  const label = preview && preview.count > 0 ? `${changing ? 'Save' : 'Turn on'} and deactivate ${count(preview.count)}` : changing ? 'Save' : 'Turn on';
  return (
    <Dialog open onClose={saving ? undefined : onClose} aria-labelledby={titleId} aria-describedby={bodyId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent id={bodyId}>
        {!preview && !error && <CircularProgress size={24} aria-label="Finding who it would deactivate" />}
        {preview && (
          <DialogContentText>
            {preview.count === 0
              ? `No one has gone ${dayCount(days)} without signing in, so no one is deactivated now.`
              : `${whoWouldGo(preview)} ${preview.count === 1 ? 'has' : 'have'} not signed in for ${dayCount(days)} and will be deactivated now: they won't be able to sign in, their sessions end and their invite or reset codes stop working.`}{' '}
            From then on, Roster deactivates anyone else who reaches {dayCount(days)} without signing in, at start and once a day.
          </DialogContentText>
        )}
        {preview && idleAdminsNote(preview) && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {idleAdminsNote(preview)}
          </Alert>
        )}
        {saving && <BulkWorking label="Deactivating" />}
        <DialogError message={error} />
      </DialogContent>
      <CancelAndAction onCancel={onClose} label={label} busy={saving} onAction={() => void confirm()} destructive={!!preview && preview.count > 0} disabled={!preview} />
    </Dialog>
  );
}
