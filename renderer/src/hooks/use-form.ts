// Form state for dialogs and pages: values, per-field errors (from the contract's schema or from main), submitting.
import { useState, type SyntheticEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api.ts';

export interface FormState<V extends Record<string, unknown>> {
  values: V;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  fieldErrors: Partial<Record<string, string>>;
  formError: string | null;
  submitting: boolean;
  /** Validates with `schema` (the same one main uses), then runs `action`; errors land on their fields. */
  submit: <T>(schema: z.ZodType | null, action: (values: V) => Promise<T>) => Promise<T | undefined>;
  reset: (values?: V) => void;
}

export function useForm<V extends Record<string, unknown>>(initial: V): FormState<V> {
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  return {
    values,
    fieldErrors,
    formError,
    submitting,
    set: (key, value) => {
      setValues((v) => ({ ...v, [key]: value }));
      setFieldErrors((e) => ({ ...e, [key]: undefined }));
    },
    reset: (next) => {
      setValues(next ?? initial);
      setFieldErrors({});
      setFormError(null);
    },
    async submit(schema, action) {
      setFormError(null);
      if (schema) {
        const parsed = schema.safeParse(values);
        if (!parsed.success) {
          const errors: Record<string, string> = {};
          for (const issue of parsed.error.issues) {
            const key = String(issue.path[0] ?? '');
            if (key && !errors[key]) errors[key] = issue.message;
          }
          setFieldErrors(errors);
          if (!Object.keys(errors).length) setFormError(parsed.error.issues[0]?.message ?? 'Check the form.');
          return undefined;
        }
      }
      setSubmitting(true);
      try {
        return await action(values);
      } catch (err) {
        if (err instanceof ApiError && err.field && err.field in values) setFieldErrors({ [err.field]: err.message });
        else setFormError(err instanceof Error ? err.message : String(err));
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
  };
}

/** A form's onSubmit that runs async work: no page reload, and the promise is owned here (form.submit never rejects). */
export function submitHandler(run: () => Promise<unknown>): (e: SyntheticEvent) => void {
  return (e) => {
    e.preventDefault();
    void run();
  };
}
