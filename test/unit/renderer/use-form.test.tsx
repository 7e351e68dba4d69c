// @vitest-environment jsdom
// useForm: the contract's schema puts its messages on their fields before anything is sent; main's refusal lands on
// the field it names, or on the form when it names none (or a field this form does not have).
import { act, renderHook } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../../renderer/src/api.ts';
import { useForm } from '../../../renderer/src/hooks/use-form.ts';

const refusal = (code: 'EMAIL_TAKEN' | 'LAST_ADMIN', message: string, field?: string) => new ApiError(field ? { code, message, field } : { code, message });

function form() {
  return renderHook(() => useForm({ email: 'ada@example.org', firstName: 'Ada' }));
}

describe('useForm', () => {
  test("main's refusal naming a field of the form is shown on that field, and the form has no error", async () => {
    const { result } = form();
    let answer: unknown = 'not set';
    await act(async () => {
      answer = await result.current.submit(null, () => Promise.reject<string>(refusal('EMAIL_TAKEN', 'That email is already in use.', 'email')));
    });
    expect(answer).toBeUndefined();
    expect(result.current.fieldErrors).toEqual({ email: 'That email is already in use.' });
    expect(result.current.formError).toBeNull();
    expect(result.current.submitting).toBe(false);
  });

  test('a refusal naming no field, or a field this form lacks, is shown on the form', async () => {
    const { result } = form();
    await act(async () => {
      await result.current.submit(null, () => Promise.reject(refusal('LAST_ADMIN', 'Roster needs at least one admin.')));
    });
    expect(result.current.formError).toBe('Roster needs at least one admin.');
    await act(async () => {
      await result.current.submit(null, () => Promise.reject(refusal('EMAIL_TAKEN', 'Taken.', 'password')));
    });
    expect(result.current.formError).toBe('Taken.');
    expect(result.current.fieldErrors).toEqual({});
  });

  test('a failure that is not a refusal from main (a lost bridge) is shown on the form too', async () => {
    const { result } = form();
    await act(async () => {
      await result.current.submit(null, () => Promise.reject(new TypeError('Failed to fetch')));
    });
    expect(result.current.formError).toBe('Failed to fetch');
  });

  test("the schema's messages go to their fields and nothing is sent", async () => {
    const { result } = form();
    act(() => result.current.set('email', 'not an address'));
    const action = vi.fn(() => Promise.resolve('sent'));
    await act(async () => {
      await result.current.submit(z.object({ email: z.email('Enter a valid email address.'), firstName: z.string().min(1) }), action);
    });
    expect(action).not.toHaveBeenCalled();
    expect(result.current.fieldErrors).toEqual({ email: 'Enter a valid email address.' });
  });

  test("changing a field clears that field's error only", async () => {
    const { result } = form();
    await act(async () => {
      await result.current.submit(z.object({ email: z.email('Bad email.'), firstName: z.string().min(5, 'Too short.') }), () => Promise.resolve());
    });
    expect(result.current.fieldErrors).toEqual({ firstName: 'Too short.' });
    act(() => result.current.set('email', 'x'));
    expect(result.current.fieldErrors.firstName).toBe('Too short.');
    act(() => result.current.set('firstName', 'Adaline'));
    expect(result.current.fieldErrors.firstName).toBeUndefined();
  });

  test('a successful action returns its value', async () => {
    const { result } = form();
    let answer: unknown;
    await act(async () => {
      answer = await result.current.submit(null, (v) => Promise.resolve(`saved ${v.email}`));
    });
    expect(answer).toBe('saved ada@example.org');
    expect(result.current.formError).toBeNull();
  });
});
