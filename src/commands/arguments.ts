import { z } from 'zod';
import type { ArgSpec } from './define-command.ts';

/** Shared argument schemas. Their messages are i18n keys, translated by the dispatcher. */
export const idArg = z
  .string()
  .transform((value) => value.replace(/^#/, ''))
  .pipe(z.string().regex(/^\d{1,9}$/, 'validation.id').transform(Number));

export const textArg = z.string().min(3, 'validation.tooShort').max(4000, 'validation.tooLong');

export const queryArg = z.string().min(1, 'validation.tooShort').max(200, 'validation.tooLong');

export const tagArg = z
  .string()
  .regex(/^#?[\p{L}\p{N}_-]{1,40}$/u, 'validation.tag');

/** The arguments of every subcommand that takes just an id: `/tip show 12`, `/meetup cancel 3`… */
export const idOnly = {
  args: [{ name: 'id', kind: 'word', label: 'args.id' }] as ArgSpec[],
  schema: z.object({ id: idArg }),
};
