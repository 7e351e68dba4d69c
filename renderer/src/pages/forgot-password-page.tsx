// "Forgot password?": ask for a code by email (the same answer whether or not the account exists), then enter
// the code and a new password. Without email set up, the person is told to ask an administrator.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { contract, type SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { CenteredCard } from '../components/centered-card.tsx';
import { FormField } from '../components/form-field.tsx';
import { submitHandler, useForm } from '../hooks/use-form.ts';
import { RedeemCodeForm } from './redeem-code-page.tsx';
import type { SignedOutView } from './sign-in-page.tsx';

export const CONTACT_ADMIN = 'Please contact an administrator to have them reset your password.';
export const CODE_SENT = "If an account exists for that address, we've sent a code. It expires in 1 hour.";

type Step = { kind: 'ask' } | { kind: 'noEmail' } | { kind: 'code'; email: string; sent: boolean };

export function ForgotPasswordPage({ go, onSignedIn }: { go: (v: SignedOutView) => void; onSignedIn: (s: SessionInfo) => void }) {
  const [step, setStep] = useState<Step>({ kind: 'ask' });
  const form = useForm({ email: '' });
  const back = (
    <Link component="button" type="button" onClick={() => go('signIn')}>
      Back to sign in
    </Link>
  );

  if (step.kind === 'noEmail') {
    return (
      <CenteredCard title="Reset your password">
        <Alert severity="info" sx={{ mb: 2 }}>{CONTACT_ADMIN}</Alert>
        {back}
      </CenteredCard>
    );
  }
  if (step.kind === 'code') {
    return (
      <CenteredCard title="Enter your code" subtitle={step.sent ? undefined : 'Enter the code from your password reset email.'}>
        {step.sent && <Alert severity="success" sx={{ mb: 1 }}>{CODE_SENT}</Alert>}
        <RedeemCodeForm key={step.email} email={step.email} onSignedIn={onSignedIn} submitLabel="Set password and sign in" />
        <Stack direction="row" sx={{ mt: 2, justifyContent: 'space-between' }}>
          {back}
          <Link component="button" type="button" onClick={() => setStep({ kind: 'ask' })}>
            Send a new code
          </Link>
        </Stack>
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title="Reset your password" subtitle="Enter the email address you sign in with. We'll email you a code to choose a new password.">
      <form
        noValidate
        onSubmit={submitHandler(async () => {
          const answer = await form.submit(contract.requestPasswordReset.input, (v) => call('requestPasswordReset', v));
          if (!answer) return;
          setStep(answer.emailConfigured ? { kind: 'code', email: form.values.email.trim(), sent: true } : { kind: 'noEmail' });
        })}
      >
        <FormField form={form} name="email" label="Email" type="email" autoComplete="username" autoFocus required />
        {form.formError && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{form.formError}</Alert>}
        <Button type="submit" variant="contained" size="large" fullWidth sx={{ mt: 2 }} disabled={form.submitting}>
          {form.submitting ? 'Sending…' : 'Send code'}
        </Button>
      </form>
      <Stack direction="row" sx={{ mt: 2, justifyContent: 'space-between' }}>
        {back}
        <Link component="button" type="button" onClick={() => setStep({ kind: 'code', email: form.values.email.trim(), sent: false })}>
          I have a code
        </Link>
      </Stack>
    </CenteredCard>
  );
}
