// A labelled text field wired to a form's value and error.
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { FormState } from '../hooks/use-form.ts';

type Props<V extends Record<string, unknown>> = {
  form: FormState<V>;
  name: keyof V & string;
  label: string;
} & Omit<TextFieldProps, 'name' | 'label' | 'value' | 'onChange' | 'error'>;

export function FormField<V extends Record<string, unknown>>({ form, name, label, helperText, ...rest }: Props<V>) {
  const error = form.fieldErrors[name];
  return (
    <TextField
      {...rest}
      id={`field-${name}`}
      name={name}
      label={label}
      value={form.values[name] ?? ''}
      onChange={(e) => form.set(name, e.target.value as V[typeof name])}
      error={!!error}
      helperText={error ?? helperText}
      disabled={form.submitting || rest.disabled}
    />
  );
}
