import { z } from 'zod';
import { wikiConfigProblems, wikiConfigShape } from './publish/mediawiki/config.ts';

const csv = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA timezone such as Europe/Paris');

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

/** Every setting Relais reads from the environment (or .env). */
export const configSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgres:// (PostgreSQL)')
      .default('file:./data/relais.db'),
    RELAIS_LOCALE: z.enum(['fr', 'en']).default('fr'),
    RELAIS_TIMEZONE: timeZone.default('Europe/Paris'),
    /** platform:userId, comma-separated, e.g. slack:U0123,matrix:@alice:example.org */
    RELAIS_ADMINS: csv.pipe(z.array(z.string().regex(/^(slack|matrix|console):.+/, 'each admin must look like platform:userId'))),
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
    /** Answers to meetups that ended more than this many days ago are deleted (personal data); 0 keeps them. */
    RELAIS_RSVP_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Default: info, or warn for the console chat (logs share its terminal). */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),

    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional(),
    SLACK_API_URL: optionalUrl,

    MATRIX_HOMESERVER_URL: optionalUrl,
    MATRIX_ACCESS_TOKEN: z.string().min(1).optional(),
    MATRIX_USER_ID: z.string().regex(/^@[^:]+:.+$/, 'must look like @bot:example.org').optional(),
    MATRIX_AUTOJOIN: csv,
    MATRIX_RATE: z.coerce.number().positive().default(1),

    ...wikiConfigShape,
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Platform blocks are all-or-nothing: a half-configured Slack or Matrix is an error, not a silent
 * fallback to the console. Checked on the raw values so these show even when other values are invalid.
 */
function platformProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const need = (when: boolean, key: string, why: string) => {
    if (when && !env[key]) problems.push(`${key}: is required ${why}`);
  };
  const slack = Boolean(env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN);
  need(slack, 'SLACK_BOT_TOKEN', 'to connect to Slack');
  need(slack && !env.SLACK_APP_TOKEN, 'SLACK_SIGNING_SECRET', 'for the Slack HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)');
  const matrix = Boolean(env.MATRIX_HOMESERVER_URL || env.MATRIX_ACCESS_TOKEN);
  need(matrix, 'MATRIX_HOMESERVER_URL', 'to connect to Matrix');
  need(matrix, 'MATRIX_ACCESS_TOKEN', 'to connect to Matrix');
  return problems;
}

/** Validates the whole environment at once, so one message lists every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(blanksRemoved);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`)),
    ...platformProblems(blanksRemoved),
    ...wikiConfigProblems(blanksRemoved),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

export const platformsConfigured = (config: Config) => ({
  slack: Boolean(config.SLACK_BOT_TOKEN),
  matrix: Boolean(config.MATRIX_HOMESERVER_URL && config.MATRIX_ACCESS_TOKEN),
});
