// "Have an invite code?": email + one-time code + new password → signed in. The form is shared with the second
// step of "Forgot password?", since invite and reset codes are redeemed the same way.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import { contract, type SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { CenteredCard } from '../components/centered-card.tsx';
import { FormField } from '../components/form-field.tsx';
import { submitHandler, useForm } from '../hooks/use-form.ts';
import { PASSWORD_HELP, withConfirmation } from '../password-help.ts';
import type { SignedOutView } from './sign-in-page.tsx';

const schema = withConfirmation(contract.redeemCode.input, 'newPassword');

export function RedeemCodeForm({ email = '', onSignedIn, submitLabel }: { email?: string; onSignedIn: (s: SessionInfo) => void; submitLabel: string }) {
  const form = useForm({ email, code: '', newPassword: '', confirmPassword: '' });
  return (
    <form
      noValidate
      onSubmit={submitHandler(async () => {
        const session = await form.submit(schema, ({ confirmPassword: _, ...input }) => call('redeemCode', input));
        if (session) onSignedIn(session);
      })}
    >
      <FormField form={form} name="email" label="Email" type="email" autoComplete="username" autoFocus={!email} required />
      <FormField
        form={form}
        name="code"
        label="Code"
        autoComplete="one-time-code"
        autoFocus={!!email}
        required
        helperText="10 letters and digits from the email, like ABCDE-12345."
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
      />
      <FormField form={form} name="newPassword" label="New password" type="password" autoComplete="new-password" required helperText={PASSWORD_HELP} />
      <FormField form={form} name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required />
      {form.formError && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{form.formError}</Alert>}
      <Button type="submit" variant="contained" size="large" fullWidth sx={{ mt: 2 }} disabled={form.submitting}>
        {form.submitting ? 'Checking the code…' : submitLabel}
      </Button>
    </form>
  );
}

export function RedeemCodePage({ go, onSignedIn }: { go: (v: SignedOutView) => void; onSignedIn: (s: SessionInfo) => void }) {
  return (
    <CenteredCard title="Accept your invite" subtitle="Enter your email address, the code from your invite email, and choose a password.">
      <RedeemCodeForm onSignedIn={onSignedIn} submitLabel="Set password and sign in" />
      <Link component="button" type="button" sx={{ mt: 2 }} onClick={() => go('signIn')}>
        Back to sign in
      </Link>
    </CenteredCard>
  );
}
