// Admin Panel → Backups: warnings, "Back up now" with progress, the list of backups (verify, restore), Restore
// from a file, and the settings. Main does the work; this page shows it and asks before anything destructive.
import BackupIcon from '@mui/icons-material/Backup';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { BackupEntry, RestoreResult } from '../../../common/backups.ts';
import type { SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { formatDateTime } from '../format.ts';
import { BackupProgress } from './backup-progress.tsx';
import { BackupSettingsForm } from './backup-settings-form.tsx';
import { BackupsTable } from './backups-table.tsx';
import { RestoreDialog } from './restore-dialog.tsx';
import { useBackups } from './use-backups.ts';

type Working = { label: string } | null;

export function BackupsPage({ onRestored }: { session: SessionInfo; onRestored: (result: RestoreResult) => void }) {
  const backups = useBackups();
  const notify = useSnackbar();
  const [working, setWorking] = useState<Working>(null);
  const [restoring, setRestoring] = useState<{ path?: string } | null>(null);
  const { view } = backups;

  if (backups.loadError) return <Alert severity="error" sx={{ m: 3 }}>{backups.loadError}</Alert>;
  if (!view) return <CircularProgress aria-label="Loading backups" sx={{ m: 3 }} />;

  const run = async (label: string, work: () => Promise<string>) => {
    setWorking({ label });
    try {
      notify(await backups.track(work));
    } catch (err) {
      notify((err as Error).message, 'error');
    } finally {
      setWorking(null);
      await backups.reload();
    }
  };
  const backUpNow = () =>
    run('Backing up', async () => {
      const entry = await call('backUpNow', {});
      return `Backed up ${entry.people?.toLocaleString() ?? ''} people to ${entry.fileName}.`;
    });
  const verify = (b: BackupEntry) =>
    run('Checking the backup', async () => {
      const checked = await call('verifyBackup', { path: b.path });
      if (checked.integrity !== 'ok') throw new Error(`The backup of ${formatDateTime(b.takenAt)} is damaged: ${checked.integrityDetail ?? 'integrity check failed'}`);
      return `The backup of ${formatDateTime(b.takenAt)} passed the integrity check${checked.integrityDetail ? `, but ${checked.integrityDetail}` : '.'}`;
    });
  const busy = !!working || !!backups.progress || !!view.running;

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 1000 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Backups
        </Typography>
        <Button variant="outlined" onClick={() => setRestoring({})} disabled={busy}>
          Restore from a file…
        </Button>
        <Button variant="contained" startIcon={<BackupIcon />} onClick={() => void backUpNow()} disabled={busy}>
          Back up now
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A backup is a complete copy of Roster's database (people, passwords as hashes, the audit log), readable by your account only, in{' '}
        <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {view.folder}
        </Box>
        .
      </Typography>
      {view.warnings.map((w) => (
        <Alert key={w.message} severity={w.severity} sx={{ mb: 1 }}>
          {w.message}
        </Alert>
      ))}
      {(working || backups.progress) && !restoring && <BackupProgress progress={backups.progress} label={working?.label ?? 'Working'} />}
      <Paper variant="outlined" sx={{ mb: 3, mt: 2 }}>
        <BackupsTable backups={view.backups} busy={busy} onVerify={(b) => void verify(b)} onRestore={(b) => setRestoring({ path: b.path })} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <BackupSettingsForm view={view} onSaved={() => void backups.reload()} />
      </Paper>
      {restoring && (
        <RestoreDialog
          path={restoring.path}
          canChoosePaths={view.canChoosePaths}
          progress={backups.progress}
          track={backups.track}
          onClose={() => {
            setRestoring(null);
            void backups.reload();
          }}
          onRestored={onRestored}
        />
      )}
    </Box>
  );
}
