import { z } from 'zod';
import type { ConfigPart } from './core/config-part.ts';

const csv = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA timezone such as Europe/Paris');

export const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

/** Where the embedded SQLite database lives when DATABASE_URL is not set, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/relais.db';

/** The settings of Relais itself; each platform (and other optional parts) brings its own. */
export const coreConfigShape = {
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgres:// (PostgreSQL)')
    .default(DEFAULT_DATABASE_URL),
  RELAIS_LOCALE: z.enum(['fr', 'en']).default('fr'),
  RELAIS_TIMEZONE: timeZoneSchema.default('Europe/Paris'),
  /** platform:userId, comma-separated, e.g. slack:U0123,matrix:@alice:example.org */
  RELAIS_ADMINS: csv.pipe(z.array(z.string().regex(/^[a-z][a-z0-9-]*:.+/, 'each admin must look like platform:userId'))),
  RELAIS_PUBLIC_URL: optionalUrl,
  RELAIS_TIP_EMOJI: z.string().default('💡'),
  /** Minutes before a meetup when reminders are posted, comma-separated; empty for none. */
  RELAIS_REMINDER_OFFSETS: z
    .string()
    .default('1440,60')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean).map(Number))
    .pipe(z.array(z.number().int().positive('each offset must be a positive number of minutes'))),
  /** Also send reminders privately to people who said going. */
  RELAIS_REMINDER_DM: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** After downtime, a missed digest or reminder is still posted within this many hours; later ones are recorded as missed. */
  RELAIS_CATCHUP_HOURS: z.coerce.number().min(0).default(6),
  /** When set, every web page requires this token (private deployments). */
  RELAIS_WEB_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** When set, /metrics requires this token (Authorization: Bearer, or ?token=). */
  RELAIS_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Answers to meetups that ended more than this many days ago are deleted (personal data); 0 keeps them. */
  RELAIS_RSVP_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
  /** Tips hidden (deleted, withdrawn) more than this many days ago are deleted for good; 0 keeps them. */
  RELAIS_TIP_PURGE_DAYS: z.coerce.number().int().min(0).default(30),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Default: info, or warn for the console chat (logs share its terminal). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
};

export type CoreConfig = z.infer<z.ZodObject<typeof coreConfigShape>>;
/** The whole validated configuration: the core's settings and every part's. */
export type Config = CoreConfig & Record<string, unknown>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Every variable any part reads: the README documents each (a test checks it). */
export const configVariables = (parts: ConfigPart[]) => [...Object.keys(coreConfigShape), ...parts.flatMap((part) => Object.keys(part.shape))];

/**
 * Validates the whole environment at once — the core's settings, every platform's and every
 * other part's — so one message lists every problem. Blank values count as unset.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, parts: ConfigPart[] = []): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const shape = Object.assign({}, coreConfigShape, ...parts.map((part) => part.shape)) as z.ZodRawShape;
  const result = z.object(shape).safeParse(blanksRemoved);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`)),
    ...parts.flatMap((part) => part.problems?.(blanksRemoved) ?? []),
  ];
  if (result.success && problems.length === 0) return result.data as Config;
  throw new ConfigError(problems);
}
