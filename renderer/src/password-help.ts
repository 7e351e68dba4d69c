import { z } from 'zod';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '../../common/rules.ts';

export const PASSWORD_HELP = `At least ${PASSWORD_MIN_LENGTH} characters (at most ${PASSWORD_MAX_BYTES} bytes). A passphrase of a few words works well.`;

/** A form schema: the contract's input plus a "Confirm password" field that must repeat `field`. */
export function withConfirmation<S extends z.ZodObject>(schema: S, field: keyof z.output<S> & string) {
  return schema
    .extend({ confirmPassword: z.string() })
    .refine((v) => v[field] === v.confirmPassword, {
      error: "Passwords don't match.",
      path: ['confirmPassword'],
    });
}
