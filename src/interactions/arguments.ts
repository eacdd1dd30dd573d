import { z } from 'zod';
import type { UserRef } from '../core/platform.ts';
import type { ArgSpec } from './declare.ts';

/** Shared argument schemas. Their messages are i18n keys, translated by the pipeline. */
export const idArg = z
  .string()
  .transform((value) => value.replace(/^(#|n°|no\.?)\s*/i, ''))
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

/** A button's value that is an id: anything else is an action on nothing, answered "not found". */
export const idValue = z.object({ value: idArg }).transform(({ value }) => ({ id: value }));

/**
 * An argument naming a person (`person: true` in its ArgSpec): the pipeline reads the mention on
 * the gesture's platform and asks the platform who it is, before the handler runs. `found` is
 * missing when nobody answers to it: handlers refuse, and never invent the person.
 */
export const personArg = z.object({
  text: z.string().min(1, 'validation.tooShort').max(255, 'validation.tooLong'),
  found: z.custom<UserRef>().optional(),
});
export type PersonArg = z.output<typeof personArg>;
