// Admin Panel → Email: SMTP settings. Saving tests the connection first (main names what failed, on the field to
// fix); the saved password is never shown, an empty field keeps it. Send test email and Clear live here too.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import DialogContentText from '@mui/material/DialogContentText';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { contract, type EmailSettingsInput, type EmailSettingsView, type SessionInfo, type SmtpSecurity } from '../../../common/contract.ts';
import { ApiError, call } from '../api.ts';
import { FormField } from '../components/form-field.tsx';
import { ConfirmDialog } from '../dialogs/confirm-dialog.tsx';
import { useForm, type FormState } from '../hooks/use-form.ts';

type Values = Omit<EmailSettingsInput, 'port' | 'inviteLifetimeHours' | 'allowPasswordWithoutTls'> & {
  port: string;
  inviteLifetimeHours: string;
  allowPasswordWithoutTls: boolean;
};

const toValues = (v: EmailSettingsView): Values => ({
  host: v.host,
  port: String(v.port),
  security: v.security,
  username: v.username,
  password: '',
  fromAddress: v.fromAddress,
  fromName: v.fromName,
  replyTo: v.replyTo,
  allowSelfSigned: v.allowSelfSigned,
  allowPasswordWithoutTls: v.allowPasswordWithoutTls,
  inviteLifetimeHours: String(v.inviteLifetimeHours),
});

const asNumber = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);
const toInput = (v: Values): EmailSettingsInput => ({ ...v, port: asNumber(v.port), inviteLifetimeHours: asNumber(v.inviteLifetimeHours) });
// The same schema main uses, applied to the form's text values.
const schema = z.preprocess((v) => toInput(v as Values), contract.saveEmailSettings.input);

const SECURITY: { value: SmtpSecurity; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'SSL/TLS (usually port 465)' },
  { value: 'none', label: 'None (unencrypted)' },
];

export function EmailSettingsPage(_props: { session: SessionInfo }) {
  const [view, setView] = useState<EmailSettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    call('getEmailSettings', {}).then(setView, (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)));
  }, []);
  if (loadError) return <Alert severity="error" sx={{ m: 3 }}>{loadError}</Alert>;
  if (!view) return <CircularProgress aria-label="Loading email settings" sx={{ m: 3 }} />;
  return <SettingsForm view={view} onChange={setView} />;
}

function SettingsForm({ view, onChange }: { view: EmailSettingsView; onChange: (v: EmailSettingsView) => void }) {
  const form = useForm<Values>(toValues(view));
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const busy = form.submitting || testing;

  const saved = (next: EmailSettingsView, text: string) => {
    onChange(next);
    form.reset(toValues(next));
    setNotice({ severity: 'success', text });
  };

  const save = async () => {
    setNotice(null);
    const next = await form.submit(schema, (v) => call('saveEmailSettings', toInput(v)));
    if (next) saved(next, 'Connection tested and email settings saved.');
  };

  const sendTest = async () => {
    setNotice(null);
    setTesting(true);
    try {
      const { to } = await call('sendTestEmail', {});
      setNotice({ severity: 'success', text: `Test email sent to ${to}.` });
    } catch (err) {
      setNotice({ severity: 'error', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setTesting(false);
    }
  };

  const clear = async () => {
    setNotice(null);
    saved(await call('clearEmailSettings', {}), 'Email settings cleared. Roster will show temporary passwords instead of sending emails.');
    setConfirmClear(false);
  };

  return (
    <Box component="main" sx={{ p: 3, maxWidth: 760 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        Email
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        With email set up, Add person sends an invite and Reset Password sends a reset code. Without it, Roster shows a temporary password to hand over.
      </Typography>
      {!view.configured && <Alert severity="info" sx={{ mb: 2 }}>Email is not set up.</Alert>}
      {view.secretStorageWarning && <Alert severity="warning" sx={{ mb: 2 }}>{view.secretStorageWarning}</Alert>}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <form
          noValidate
          aria-label="Email settings"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} useFlexGap sx={{ alignItems: 'flex-start' }}>
            <FormField form={form} name="host" label="SMTP host" required fullWidth autoFocus />
            <FormField form={form} name="port" label="Port" required inputMode="numeric" sx={{ minWidth: 120 }} />
          </Stack>
          <SecuritySelect form={form} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} useFlexGap sx={{ alignItems: 'flex-start' }}>
            <FormField form={form} name="username" label="Username" autoComplete="off" fullWidth helperText="Leave empty if the server needs no login." />
            <FormField
              form={form}
              name="password"
              label="Password"
              type="password"
              autoComplete="new-password"
              fullWidth
              helperText={view.passwordSet ? 'A password is saved. Leave empty to keep it.' : undefined}
            />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} useFlexGap sx={{ alignItems: 'flex-start' }}>
            <FormField form={form} name="fromAddress" label="From address" type="email" required fullWidth />
            <FormField form={form} name="fromName" label="From name" required fullWidth />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} useFlexGap sx={{ alignItems: 'flex-start' }}>
            <FormField form={form} name="replyTo" label="Reply-to address" type="email" fullWidth helperText="Optional: where replies to Roster's emails go." />
            <FormField form={form} name="inviteLifetimeHours" label="Invites expire after (hours)" required inputMode="numeric" fullWidth />
          </Stack>
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={form.values.allowSelfSigned} onChange={(e) => form.set('allowSelfSigned', e.target.checked)} disabled={busy} />}
            label="Accept self-signed certificates (only for your own internal mail relay)"
          />
          {form.fieldErrors.allowSelfSigned && <FormHelperText error>{form.fieldErrors.allowSelfSigned}</FormHelperText>}
          {form.values.security === 'none' && (
            <>
              <FormControlLabel
                sx={{ mt: 1, display: 'flex' }}
                control={
                  <Checkbox
                    checked={form.values.allowPasswordWithoutTls}
                    onChange={(e) => form.set('allowPasswordWithoutTls', e.target.checked)}
                    disabled={busy}
                  />
                }
                label="Send the password without encryption (anyone on the network path can read it)"
              />
              {form.fieldErrors.allowPasswordWithoutTls && <FormHelperText error>{form.fieldErrors.allowPasswordWithoutTls}</FormHelperText>}
            </>
          )}
          {form.formError && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{form.formError}</Alert>}
          {notice && <Alert severity={notice.severity} role={notice.severity === 'error' ? 'alert' : 'status'} sx={{ mt: 2 }}>{notice.text}</Alert>}
          <Stack direction="row" spacing={1} sx={{ mt: 3, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained" disabled={busy}>
              Save changes
            </Button>
            <Button variant="outlined" onClick={() => void sendTest()} disabled={busy || !view.configured}>
              Send test email
            </Button>
            <Button color="error" onClick={() => setConfirmClear(true)} disabled={busy || !view.configured}>
              Clear
            </Button>
            {busy && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
                <CircularProgress size={20} aria-hidden />
                <Typography variant="body2">{form.submitting ? 'Testing the connection…' : 'Sending the test email…'}</Typography>
              </Stack>
            )}
          </Stack>
        </form>
      </Paper>
      {confirmClear && (
        <ConfirmDialog title="Clear email settings?" confirmLabel="Clear settings" destructive onConfirm={clear} onClose={() => setConfirmClear(false)}>
          <DialogContentText>
            Roster will stop sending emails and forget the saved SMTP password. Add person and Reset Password will show a temporary password instead, and Forgot password will ask people to contact an administrator.
          </DialogContentText>
        </ConfirmDialog>
      )}
    </Box>
  );
}

function SecuritySelect({ form }: { form: FormState<Values> }) {
  const error = form.fieldErrors.security;
  return (
    <TextField
      select
      id="field-security"
      label="Security"
      value={form.values.security}
      onChange={(e) => form.set('security', e.target.value as SmtpSecurity)}
      error={!!error}
      helperText={error ?? (form.values.security === 'none' ? 'Without encryption, the password and emails cross the network readable by anyone on the way.' : undefined)}
      disabled={form.submitting}
      fullWidth
    >
      {SECURITY.map((s) => (
        <MenuItem key={s.value} value={s.value}>
          {s.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
