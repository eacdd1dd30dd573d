import { z } from 'zod';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const csv = z.string().optional().transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

/** The Matrix variables, validated with every other part of the configuration at start. */
export const shape = {
  MATRIX_HOMESERVER_URL: optionalUrl,
  MATRIX_ACCESS_TOKEN: z.string().min(1).optional(),
  MATRIX_USER_ID: z.string().regex(/^@[^:]+:.+$/, 'must look like @bot:example.org').optional(),
  MATRIX_AUTOJOIN: csv,
  MATRIX_RATE: z.coerce.number().positive().default(1),
};

export type MatrixConfig = z.infer<z.ZodObject<typeof shape>>;
