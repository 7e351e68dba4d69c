// Shown after signing in with a temporary password: the person must choose their own before going on.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { contract, type SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { CenteredCard } from '../components/centered-card.tsx';
import { FormField } from '../components/form-field.tsx';
import { submitHandler, useForm } from '../hooks/use-form.ts';
import { PASSWORD_HELP, withConfirmation } from '../password-help.ts';

const schema = withConfirmation(contract.chooseNewPassword.input, 'newPassword');

export function ChoosePasswordPage({ session, onDone, onSignOut }: { session: SessionInfo; onDone: (s: SessionInfo) => void; onSignOut: () => void }) {
  const form = useForm({ newPassword: '', confirmPassword: '' });
  return (
    <CenteredCard title="Choose a new password" subtitle={`Welcome, ${session.firstName}. You signed in with a temporary password; choose your own to continue.`}>
      <form
        noValidate
        onSubmit={submitHandler(async () => {
          const next = await form.submit(schema, ({ newPassword }) => call('chooseNewPassword', { newPassword }));
          if (next) onDone(next);
        })}
      >
        <FormField form={form} name="newPassword" label="New password" type="password" autoComplete="new-password" autoFocus required helperText={PASSWORD_HELP} />
        <FormField form={form} name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required />
        {form.formError && <Alert severity="error" sx={{ mt: 1 }}>{form.formError}</Alert>}
        <Button type="submit" variant="contained" size="large" fullWidth sx={{ mt: 2 }} disabled={form.submitting}>
          Save password
        </Button>
        <Button fullWidth sx={{ mt: 1 }} onClick={onSignOut}>
          Sign out
        </Button>
      </form>
    </CenteredCard>
  );
}
