// `relais doctor`: a deployment checked in one command, one line per check, each saying what to
// fix. It starts nothing and changes nothing: the configuration, the database and its
// migrations, each configured platform (its own checks), the public address, the wiki.
import type { Check } from '../core/check.ts';
import type { ConfigPart } from '../core/config-part.ts';
import { RelaisError } from '../core/errors.ts';
import type { PlatformModule } from '../core/platform-module.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { maskUrl } from '../db/engine.ts';
import { migrationStatus, type MigrationStatus } from '../db/migrations.ts';
import { wikiSettings, type WikiSettings } from '../publish/mediawiki/config.ts';

const TIMEOUT_MS = 10_000;

/** What a failure says, without a stack: the driver's or the network's words (a refused connection, a timeout). */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return error instanceof Error ? error.message : String(error);
}

export async function runDoctor(env: NodeJS.ProcessEnv, modules: PlatformModule[], parts: ConfigPart[]): Promise<Check[]> {
  let config: Config;
  try {
    config = loadConfig(env, parts);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Nothing else can be checked on a configuration Relais would not start with.
    return error.problems.map((problem) => ({ status: 'failed', message: 'doctor.config.invalid', fix: 'doctor.config.fix', params: { problem } }));
  }
  const configured = modules.filter((module) => !module.fallback && module.configured(config as never));
  const checks: Check[] = [{
    status: 'ok', message: 'doctor.config.ok',
    params: { platforms: configured.length ? configured.map((module) => module.name).join(', ') : { key: 'doctor.config.console' } },
  }];
  checks.push(...(await databaseChecks(config.DATABASE_URL)));
  for (const module of configured) {
    checks.push(...(await module.doctor?.(config as never).catch((error: unknown): Check[] => [
      { status: 'failed', message: 'doctor.platform.crashed', params: { platform: module.name, reason: reasonOf(error) } },
    ]) ?? []));
  }
  checks.push(await publicUrlCheck(config.RELAIS_PUBLIC_URL));
  const wiki = wikiSettings(config);
  checks.push(wiki ? await wikiCheck(wiki, config) : { status: 'skipped', message: 'doctor.wiki.unset' });
  return checks;
}

async function databaseChecks(url: string): Promise<Check[]> {
  const where = maskUrl(url);
  let status: MigrationStatus;
  try {
    status = await migrationStatus(url);
  } catch (error) {
    return [{ status: 'failed', message: 'doctor.database.unreachable', fix: 'doctor.database.unreachableFix', params: { where, reason: reasonOf(error).split(url).join(where) } }];
  }
  if (status.refusal) return [{ status: 'failed', message: 'doctor.database.refused', params: { where, reason: status.refusal } }];
  if (!status.hasMigrationsTable) return [{ status: 'warning', message: 'doctor.database.empty', fix: 'doctor.database.migrateFix', params: { where } }];
  if (status.pending.length) {
    return [{ status: 'warning', message: 'doctor.database.pending', fix: 'doctor.database.migrateFix', params: { where, count: status.pending.length, names: status.pending.join(', ') } }];
  }
  return [{ status: 'ok', message: 'doctor.database.upToDate', params: { where, count: status.applied.length } }];
}

/** The public address leads to this Relais: its /healthz answers through the reverse proxy. */
async function publicUrlCheck(publicUrl: string | undefined): Promise<Check> {
  if (!publicUrl) return { status: 'skipped', message: 'doctor.publicUrl.unset' };
  const url = new URL('healthz', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = (await response.json().catch(() => undefined)) as { status?: unknown } | undefined;
    return response.ok && body?.status === 'ok'
      ? { status: 'ok', message: 'doctor.publicUrl.ok', params: { url } }
      : { status: 'failed', message: 'doctor.publicUrl.answered', fix: 'doctor.publicUrl.fix', params: { url, status: response.status } };
  } catch (error) {
    return { status: 'failed', message: 'doctor.publicUrl.unreachable', fix: 'doctor.publicUrl.fix', params: { url, reason: reasonOf(error) } };
  }
}

/** Logs in with the bot password, as a publication would; the wiki's answer says what to check. */
async function wikiCheck(wiki: WikiSettings, config: Config): Promise<Check> {
  const [{ connectWiki }, { userAgent }] = await Promise.all([import('../publish/mediawiki/client.ts'), import('../publish/mediawiki/publish.ts')]);
  try {
    const client = await connectWiki({ apiUrl: wiki.apiUrl, user: wiki.user, password: wiki.password, userAgent: userAgent(config), timeoutMs: TIMEOUT_MS });
    return { status: 'ok', message: 'doctor.wiki.ok', params: { url: wiki.apiUrl, user: client.user } };
  } catch (error) {
    if (error instanceof RelaisError) return { status: 'failed', message: error.userMessage, params: error.params };
    return { status: 'failed', message: 'wiki.errors.unreachable', params: { url: wiki.apiUrl, reason: reasonOf(error) } };
  }
}
