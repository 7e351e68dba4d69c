// How a person gets their password after Add or Reset: a temporary password shown once, or an email sent.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Delivery } from '../../../common/contract.ts';
import { formatDateTime } from '../format.ts';
import { useSnackbar } from './snackbar-provider.tsx';

export function DeliveryResult({ delivery, purpose }: { delivery: Delivery; purpose: 'invite' | 'reset' }) {
  const notify = useSnackbar();
  if (delivery.kind === 'emailSent') {
    return (
      <Typography>
        {purpose === 'invite' ? `We've sent an invite to ${delivery.to}.` : `We've sent a password reset email to ${delivery.to}.`}
      </Typography>
    );
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(delivery.temporaryPassword);
      notify('Temporary password copied.');
    } catch {
      notify('Could not copy. Select the password and copy it by hand.', 'error');
    }
  };
  return (
    // Top padding keeps the outlined field's floating label clear of the dialog title's edge.
    <Stack spacing={2} sx={{ pt: 1 }}>
      {delivery.emailError && (
        <Alert severity="warning">
          The {purpose === 'invite' ? 'invite' : 'reset'} email could not be sent: {delivery.emailError}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          label="Temporary password"
          value={delivery.temporaryPassword}
          margin="none"
          slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
          onFocus={(e) => e.target.select()}
        />
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()} sx={{ flexShrink: 0 }}>
          Copy
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Hand this to them; it is shown only once and works until {formatDateTime(delivery.expiresAt)}. They'll choose their own
        password when they first sign in.
      </Typography>
    </Stack>
  );
}
