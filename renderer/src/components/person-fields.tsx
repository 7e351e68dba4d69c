// The fields that describe a person (Add person, Edit details): first name, last name, email.
import type { FormState } from '../hooks/use-form.ts';
import { FormField } from './form-field.tsx';

type PersonValues = { firstName: string; lastName: string; email: string };

export function PersonFields<V extends PersonValues>({ form }: { form: FormState<V> }) {
  return (
    <>
      <FormField form={form} name="firstName" label="First name" autoComplete="off" autoFocus required />
      <FormField form={form} name="lastName" label="Last name" autoComplete="off" required />
      <FormField form={form} name="email" label="Email" type="email" autoComplete="off" required />
    </>
  );
}
