// Policies → Deactivate idle accounts: what the policy does, whether it is on and when it last ran, the number of
// days, and whom it would deactivate now with that number (always shown before it can be turned on or changed).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { policyDaysField, POLICY_DAYS_MAX, POLICY_DAYS_MIN, type IdlePolicySaved, type IdlePolicyView } from '../../../common/idle-policy.ts';
import { call } from '../api.ts';
import { count } from '../bulk/bulk-wording.ts';
import { useSnackbar } from '../components/snackbar-provider.tsx';
import { formatDateTime } from '../format.ts';
import { days as dayCount, idleAdminsNote, runDone, whoWouldGo } from './idle-policy-words.ts';
import { TurnOnDialog } from './turn-on-dialog.tsx';
import { useIdlePreview } from './use-idle-policy.ts';

const asDays = (text: string) => {
  const parsed = policyDaysField.safeParse(/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
  return parsed.success ? { days: parsed.data, error: null } : { days: null, error: parsed.error.issues[0]?.message ?? 'Enter a number of days.' };
};

export function IdlePolicySection({ view, onChanged }: { view: IdlePolicyView; onChanged: (next: IdlePolicyView) => void }) {
  const { settings } = view;
  const notify = useSnackbar();
  const [text, setText] = useState(String(settings.days));
  const [confirming, setConfirming] = useState(false);
  const [turningOff, setTurningOff] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const typed = asDays(text);
  const { preview, error: previewError } = useIdlePreview(typed.days, refresh);
  const changed = typed.days !== null && typed.days !== settings.days;

  const saved = (result: IdlePolicySaved) => {
    setConfirming(false);
    onChanged(result.view);
    setRefresh((n) => n + 1);
    notify(`Automatic deactivation is on: after ${dayCount(result.view.settings.days)} without sign-in.${runDone(result.run)}`);
  };
  const turnOff = async () => {
    setTurningOff(true);
    try {
      const result = await call('saveIdlePolicy', { enabled: false, days: settings.days });
      onChanged(result.view);
      setText(String(result.view.settings.days));
      notify('Automatic deactivation is off. No one is deactivated by it any more.');
    } catch (err) {
      notify((err as Error).message, 'error');
    } finally {
      setTurningOff(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="idle-policy-title">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" id="idle-policy-title" sx={{ flexGrow: 1 }}>
          Deactivate idle accounts
        </Typography>
        <Chip label={settings.enabled ? 'On' : 'Off'} color={settings.enabled ? 'success' : 'default'} size="small" />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        When this is on, Roster deactivates every account with no sign-in for the number of days below (someone who never signed in counts
        from when their account was created), at start and once a day while it runs. It is the People list's “No sign-in for N days”
        filter, acted on. Admins are never deactivated by it. As when you deactivate someone, their sessions end and their invite or reset
        codes stop working; nothing of theirs is deleted. Each deactivation is recorded in Activity as done by “Roster (policy)”. To bring
        someone back, reactivate them from the Deactivated tab of People.
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }} role="status">
        {settings.enabled ? `On: accounts with no sign-in for ${dayCount(settings.days)} are deactivated.` : 'Off: no account is deactivated automatically.'}
        {view.lastRun && ` Last run ${formatDateTime(view.lastRun.at)}: ${view.lastRun.deactivated === 0 ? 'no one deactivated' : `${count(view.lastRun.deactivated)} deactivated`}.`}
        {view.nextRunAt && ` Next run ${formatDateTime(view.nextRunAt)}.`}
      </Typography>
      {view.lastFailure && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The run of {formatDateTime(view.lastFailure.at)} failed: {view.lastFailure.message}. Roster tries again at the next check.
        </Alert>
      )}
      <form
        noValidate
        aria-label="Automatic deactivation"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.days !== null && (!settings.enabled || changed)) setConfirming(true);
        }}
      >
        <TextField
          id="field-idle-days"
          label="Days without sign-in"
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={typed.days === null}
          helperText={typed.error ?? `From ${POLICY_DAYS_MIN} to ${POLICY_DAYS_MAX.toLocaleString('en')} days.`}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ maxWidth: 260 }}
          fullWidth
        />
        <Box aria-live="polite" sx={{ mt: 2, minHeight: 48 }}>
          {typed.days !== null && !preview && !previewError && <CircularProgress size={20} aria-label="Finding who it would deactivate" />}
          {previewError && <Alert severity="error">{previewError}</Alert>}
          {preview && (
            <Typography variant="body2">
              <strong>Right now: {preview.count === 0 ? 'no one' : count(preview.count)}.</strong>{' '}
              {preview.count === 0
                ? `No active account has gone ${dayCount(preview.days)} without signing in.`
                : `${whoWouldGo(preview)} ${preview.count === 1 ? 'has' : 'have'} not signed in for ${dayCount(preview.days)}${settings.enabled && !changed ? ' and will be deactivated at the next run' : ''}.`}
              {idleAdminsNote(preview) && ` ${idleAdminsNote(preview)}`}
            </Typography>
          )}
        </Box>
        <Stack direction="row" sx={{ gap: 1, mt: 2 }}>
          {!settings.enabled && (
            <Button type="submit" variant="contained" disabled={typed.days === null}>
              Turn on…
            </Button>
          )}
          {settings.enabled && (
            <>
              <Button type="submit" variant="contained" disabled={!changed}>
                Save…
              </Button>
              <Button variant="outlined" onClick={() => void turnOff()} loading={turningOff}>
                Turn off
              </Button>
            </>
          )}
        </Stack>
      </form>
      {confirming && typed.days !== null && <TurnOnDialog days={typed.days} changing={settings.enabled} onClose={() => setConfirming(false)} onSaved={saved} />}
    </Box>
  );
}
