import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { ConfigPart } from '../../core/config-part.ts';

/** Characters MediaWiki refuses in titles (besides control characters): the prefix is part of every title. */
const titleForbidden = /[#<>[\]|{}\n\r\t]/;

/** The wiki settings: a configuration part (wikiConfig below), checked with everything else at start. */
export const wikiConfigShape = {
  /** The wiki's api.php; when set, `relais publish mediawiki` (and RELAIS_WIKI_SCHEDULE) publish there. */
  RELAIS_WIKI_API_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => /\/api\.php(?:[?#].*)?$/.test(url), 'must be the address of the wiki’s api.php, e.g. https://wiki.example.org/w/api.php')
    .optional(),
  /** A bot password's user name, as Special:BotPasswords shows it: User@botname. */
  RELAIS_WIKI_USER: z.string().regex(/^[^@]+@[^@]+$/, 'must be a bot password user name, User@botname (Special:BotPasswords)').optional(),
  RELAIS_WIKI_PASSWORD: z.string().min(1).optional(),
  /** Every page Relais writes is under this prefix, e.g. Relais/Astuces. */
  RELAIS_WIKI_PREFIX: z
    .string()
    .default('Relais/')
    .refine((prefix) => !titleForbidden.test(prefix), 'must not contain # < > [ ] | { } or line breaks (MediaWiki refuses them in titles)'),
  RELAIS_WIKI_SCHEDULE: z.enum(['daily', 'weekly', 'off']).default('off'),
  /** One line of wikitext (the operator's, not escaped) shown at the foot of every page, e.g. a licence template. */
  RELAIS_WIKI_LICENSE: z.string().refine((line) => !/[\r\n]/.test(line), 'must be a single line of wikitext').optional(),
};

/** The wiki block is all-or-nothing, like the platforms: a half-configured wiki is an error, not a silent no-op. */
export function wikiConfigProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.RELAIS_WIKI_API_URL || env.RELAIS_WIKI_USER || env.RELAIS_WIKI_PASSWORD) {
    for (const key of ['RELAIS_WIKI_API_URL', 'RELAIS_WIKI_USER', 'RELAIS_WIKI_PASSWORD'] as const) {
      if (!env[key]) problems.push(`${key}: is required to publish to the wiki`);
    }
  }
  if (env.RELAIS_WIKI_SCHEDULE && env.RELAIS_WIKI_SCHEDULE !== 'off' && !env.RELAIS_WIKI_API_URL) {
    problems.push('RELAIS_WIKI_API_URL: is required by RELAIS_WIKI_SCHEDULE');
  }
  return problems;
}

export interface WikiSettings {
  apiUrl: string;
  user: string;
  password: string;
  prefix: string;
  license: string | undefined;
}

/** The settings of a configured wiki, or undefined when none is (loadConfig has checked the block is complete). */
export function wikiSettings(config: Config): WikiSettings | undefined {
  const wiki = config as Config & Partial<WikiConfig>;
  const { RELAIS_WIKI_API_URL: apiUrl, RELAIS_WIKI_USER: user, RELAIS_WIKI_PASSWORD: password } = wiki;
  if (!apiUrl || !user || !password) return undefined;
  return { apiUrl, user, password, prefix: wiki.RELAIS_WIKI_PREFIX ?? 'Relais/', license: wiki.RELAIS_WIKI_LICENSE };
}

export type WikiConfig = z.infer<z.ZodObject<typeof wikiConfigShape>>;

/** The wiki's part of the configuration (src/main.ts validates it with the rest). */
export const wikiConfig: ConfigPart = { shape: wikiConfigShape, problems: wikiConfigProblems };
