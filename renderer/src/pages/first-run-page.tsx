// First run: nobody has an account yet, so the first person creates the admin account.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { contract, type SessionInfo } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { CenteredCard } from '../components/centered-card.tsx';
import { FormField } from '../components/form-field.tsx';
import { submitHandler, useForm } from '../hooks/use-form.ts';
import { PASSWORD_HELP, withConfirmation } from '../password-help.ts';

const schema = withConfirmation(contract.createFirstAdmin.input, 'password');

export function FirstRunPage({ onDone }: { onDone: (s: SessionInfo) => void }) {
  const form = useForm({ firstName: '', lastName: '', email: '', password: '', confirmPassword: '' });
  return (
    <CenteredCard title="Create your admin account" subtitle="Welcome to Roster. This account will manage everyone else's.">
      <form
        noValidate
        onSubmit={submitHandler(async () => {
          const session = await form.submit(schema, ({ confirmPassword: _, ...v }) => call('createFirstAdmin', v));
          if (session) onDone(session);
        })}
      >
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} useFlexGap sx={{ alignItems: 'flex-start' }}>
          <FormField form={form} name="firstName" label="First name" autoComplete="given-name" autoFocus required />
          <FormField form={form} name="lastName" label="Last name" autoComplete="family-name" required />
        </Stack>
        <FormField form={form} name="email" label="Email" type="email" autoComplete="email" required helperText="You'll sign in with this address." />
        <FormField form={form} name="password" label="Password" type="password" autoComplete="new-password" required helperText={PASSWORD_HELP} />
        <FormField form={form} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" required />
        {form.formError && <Alert severity="error" sx={{ mt: 1 }}>{form.formError}</Alert>}
        <Button type="submit" variant="contained" size="large" fullWidth sx={{ mt: 2 }} disabled={form.submitting}>
          {form.submitting ? 'Creating…' : 'Create admin account'}
        </Button>
      </form>
    </CenteredCard>
  );
}
