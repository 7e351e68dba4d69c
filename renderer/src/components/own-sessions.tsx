// The Account page's "Where you're signed in": this window and the others (when each last called Roster), and
// signing out the others, e.g. a browser left open on another machine.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { OwnSession } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { ConfirmDialog } from '../dialogs/confirm-dialog.tsx';
import { formatDateTime } from '../format.ts';
import { useSnackbar } from './snackbar-provider.tsx';

export function OwnSessions() {
  const notify = useSnackbar();
  const [sessions, setSessions] = useState<OwnSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const load = useCallback(() => {
    call('ownSessions', {}).then(
      (s) => {
        setSessions(s);
        setError(null);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, []);
  useEffect(load, [load]);
  const others = sessions?.filter((s) => !s.current).length ?? 0;
  return (
    <>
      <Typography variant="h6" component="h2">
        Where you&apos;re signed in
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {sessions && (
        <List dense aria-label="Your sessions">
          {sessions.map((s) => (
            <ListItem key={s.id} disableGutters data-testid="own-session">
              <ListItemText
                primary={s.current ? 'This window' : 'Another window or browser'}
                secondary={`Signed in ${formatDateTime(s.startedAt)} · last seen ${formatDateTime(s.lastSeenAt)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Button variant="outlined" color="error" disabled={others === 0} onClick={() => setConfirming(true)}>
        Sign out other sessions{others ? ` (${others})` : ''}
      </Button>
      {confirming && (
        <ConfirmDialog
          title="Sign out your other sessions?"
          confirmLabel="Sign out others"
          destructive
          onClose={() => setConfirming(false)}
          onSettled={load}
          onConfirm={async () => {
            const { sessionsEnded } = await call('signOutOtherSessions', {});
            notify(sessionsEnded === 1 ? '1 other session was signed out.' : `${sessionsEnded} other sessions were signed out.`);
            setConfirming(false);
          }}
        >
          <DialogContentText>Every other window and browser signed in as you will ask for your password again. This window stays signed in.</DialogContentText>
        </ConfirmDialog>
      )}
    </>
  );
}
