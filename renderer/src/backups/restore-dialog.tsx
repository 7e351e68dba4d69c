// Restore…: check the backup (main copies it beside the database and runs the integrity check), show what it
// holds, and restore only after the admin types RESTORE. Every session ends, so the app then shows sign-in.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState } from 'react';
import { CONFIRM_WORD, type BackupProgress as Progress, type RestorePreview, type RestoreResult } from '../../../common/backups.ts';
import { ApiError, call } from '../api.ts';
import { CancelAndAction, DialogError } from '../components/dialog-parts.tsx';
import { formatDateTime, formatSize } from '../format.ts';
import { BackupProgress } from './backup-progress.tsx';

type Step = 'choose' | 'checking' | 'confirm' | 'restoring';

interface Props {
  /** A listed backup; without it the dialog starts by asking for a file. */
  path?: string;
  canChoosePaths: boolean;
  progress: Progress | null;
  track: <T>(work: () => Promise<T>) => Promise<T>;
  onClose: () => void;
  onRestored: (result: RestoreResult) => void;
}

export function RestoreDialog({ path: listedPath, canChoosePaths, progress, track, onClose, onRestored }: Props) {
  const [step, setStep] = useState<Step>(listedPath ? 'checking' : 'choose');
  const [path, setPath] = useState(listedPath ?? '');
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const titleId = useId();

  const check = async (file: string) => {
    setError(null);
    setStep('checking');
    try {
      setPreview(await track(() => call('inspectBackup', { path: file })));
      setStep('confirm');
    } catch (err) {
      setError((err as Error).message);
      setStep(listedPath ? 'confirm' : 'choose');
    }
  };
  useEffect(() => {
    if (!listedPath || started.current) return;
    started.current = true; // once, even when React runs effects twice in development
    void check(listedPath);
    // `check` is recreated each render and left out on purpose: this runs once per listed path (the ref says so).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [listedPath]);

  const cancel = () => {
    if (preview) void call('cancelRestore', { token: preview.token }).catch(() => {});
    onClose();
  };

  const restore = async () => {
    if (!preview) return;
    setError(null);
    setStep('restoring');
    try {
      onRestored(await track(() => call('restoreBackup', { token: preview.token, confirm: word })));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setStep('confirm');
    }
  };

  const choose = async () => {
    try {
      const picked = await call('choosePath', { kind: 'file' });
      if (picked.path) {
        setPath(picked.path);
        await check(picked.path);
      }
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const busy = step === 'checking' || step === 'restoring';
  return (
    <Dialog open onClose={busy ? undefined : cancel} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Restore a backup</DialogTitle>
      <DialogContent>
        {step === 'choose' && (
          <form
            noValidate
            id="restore-choose"
            onSubmit={(e) => {
              e.preventDefault();
              void check(path);
            }}
          >
            <DialogContentText sx={{ mb: 1 }}>Which backup? Roster checks it before anything changes.</DialogContentText>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                id="field-restore-path"
                label="Backup file"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                placeholder="/path/to/roster-…-schema2-manual.db"
                helperText="The full path of a Roster backup or database file."
                fullWidth
                autoFocus
                slotProps={{ htmlInput: { spellCheck: false } }}
              />
              {canChoosePaths && (
                <Button variant="outlined" onClick={() => void choose()} sx={{ mt: 1, flexShrink: 0 }}>
                  Choose…
                </Button>
              )}
            </Stack>
          </form>
        )}
        {step === 'checking' && <BackupProgress progress={progress} label="Checking the backup" />}
        {step === 'restoring' && <BackupProgress progress={progress} label="Restoring" />}
        {step === 'confirm' && preview && <Summary preview={preview} word={word} setWord={setWord} onSubmit={() => void restore()} />}
        <DialogError message={error} />
      </DialogContent>
      {step === 'choose' && <CancelAndAction onCancel={cancel} label="Check backup" busy={false} onAction={() => void check(path)} disabled={!path.trim()} />}
      {(step === 'confirm' || busy) && (
        <CancelAndAction
          onCancel={cancel}
          label="Restore"
          destructive
          busy={busy}
          onAction={() => void restore()}
          disabled={!preview || word !== CONFIRM_WORD}
        />
      )}
    </Dialog>
  );
}

function Summary({ preview, word, setWord, onSubmit }: { preview: RestorePreview; word: string; setWord: (w: string) => void; onSubmit: () => void }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (word === CONFIRM_WORD) onSubmit();
      }}
    >
      <Alert severity="success" sx={{ mb: 2 }}>
        The backup passed the integrity check.
      </Alert>
      <Typography variant="body2" component="div" sx={{ mb: 2 }}>
        <Stack component="dl" spacing={0.5} sx={{ m: 0, '& dt': { fontWeight: 600 }, '& dd': { m: 0, mb: 0.5 } }}>
          <dt>File</dt>
          <dd style={{ wordBreak: 'break-all' }}>{preview.path} ({formatSize(preview.sizeBytes)})</dd>
          <dt>People</dt>
          <dd>
            {preview.people.toLocaleString()} ({preview.activeAdmins} active admin{preview.activeAdmins === 1 ? '' : 's'})
          </dd>
          <dt>Newest audit entry</dt>
          <dd>{preview.newestAudit ? `${formatDateTime(preview.newestAudit.at)} (${preview.newestAudit.action.replaceAll('_', ' ')})` : 'None'}</dd>
          <dt>Schema</dt>
          <dd>Version {preview.schemaVersion}{preview.upgrade ? ': older, Roster upgrades it as it restores' : ''}</dd>
        </Stack>
      </Typography>
      <DialogContentText sx={{ mb: 2 }}>
        Everything in Roster is replaced by this backup: changes made since it was taken are lost, and passwords go back to what they were then.
        Every session ends, including yours, and invite and reset codes stop working. The current database is saved first, so you can restore it
        again.
      </DialogContentText>
      <TextField
        id="field-confirm-restore"
        label={`Type ${CONFIRM_WORD} to confirm`}
        value={word}
        onChange={(e) => setWord(e.target.value)}
        autoComplete="off"
        fullWidth
        autoFocus
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
    </form>
  );
}
