// Sign in with email and password; links to "forgot password" and to redeeming an invite code.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { contract, type SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { CenteredCard } from '../components/centered-card.tsx';
import { FormField } from '../components/form-field.tsx';
import { submitHandler, useForm } from '../hooks/use-form.ts';

export type SignedOutView = 'signIn' | 'forgotPassword' | 'redeemCode';

export function SignInPage({ onSignedIn, go, notice }: { onSignedIn: (s: SessionInfo) => void; go: (v: SignedOutView) => void; notice?: string | null }) {
  const form = useForm({ email: '', password: '' });
  return (
    <CenteredCard title="Sign in">
      {notice && <Alert severity="info" sx={{ mb: 1 }}>{notice}</Alert>}
      <form
        noValidate
        onSubmit={submitHandler(async () => {
          const session = await form.submit(contract.signIn.input, (v) => call('signIn', v));
          if (session) onSignedIn(session);
        })}
      >
        <FormField form={form} name="email" label="Email" type="email" autoComplete="username" autoFocus required />
        <FormField form={form} name="password" label="Password" type="password" autoComplete="current-password" required />
        {form.formError && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{form.formError}</Alert>}
        <Button type="submit" variant="contained" size="large" fullWidth sx={{ mt: 2 }} disabled={form.submitting}>
          {form.submitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <Stack direction="row" sx={{ mt: 2, justifyContent: 'space-between' }}>
        <Link component="button" type="button" onClick={() => go('forgotPassword')}>
          Forgot password?
        </Link>
        <Link component="button" type="button" onClick={() => go('redeemCode')}>
          Have an invite code?
        </Link>
      </Stack>
    </CenteredCard>
  );
}
