// Change password for the signed-in person: current, new and confirm, with the password policy's errors on fields.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { contract } from '../../../common/contract.ts';
import { call } from '../api.ts';
import { PASSWORD_HELP, withConfirmation } from '../password-help.ts';
import { submitHandler, useForm } from '../hooks/use-form.ts';
import { FormField } from './form-field.tsx';
import { useSnackbar } from './snackbar-provider.tsx';

const schema = withConfirmation(contract.changePassword.input, 'newPassword');

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const form = useForm(EMPTY);
  const notify = useSnackbar();
  return (
    <form
      noValidate
      aria-label="Change password"
      onSubmit={submitHandler(async () => {
        const done = await form.submit(schema, ({ currentPassword, newPassword }) =>
          call('changePassword', { currentPassword, newPassword }).then(() => true),
        );
        if (!done) return;
        form.reset(EMPTY);
        notify('Your password has been changed. Other windows signed in as you have been signed out.');
      })}
    >
      <FormField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
      <FormField form={form} name="newPassword" label="New password" type="password" autoComplete="new-password" required helperText={PASSWORD_HELP} />
      <FormField form={form} name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" required />
      {form.formError && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {form.formError}
        </Alert>
      )}
      <Button type="submit" variant="contained" sx={{ mt: 2 }} loading={form.submitting}>
        Change password
      </Button>
    </form>
  );
}
