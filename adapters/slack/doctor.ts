import { LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Check } from '../../src/core/check.ts';
import type { SlackConfig } from './config.ts';
import { botScopes } from './scopes.ts';

/** The doctor prints its own lines: the Web API client says nothing. */
const quiet: BoltLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

/** Why a call failed, as Slack or the network said it: `invalid_auth`, `HTTP 503`, `ECONNREFUSED`… */
function reasonOf(error: unknown): string {
  const e = error as { data?: { error?: string }; statusCode?: number; original?: { code?: string; message?: string }; message?: string };
  return e.data?.error ?? (e.statusCode ? `HTTP ${e.statusCode}` : undefined) ?? e.original?.code ?? e.original?.message ?? e.message ?? String(error);
}

const refused = (error: unknown) => typeof (error as { data?: { error?: unknown } }).data?.error === 'string';

/**
 * The bot token against `auth.test` (who it is, and its scopes from the x-oauth-scopes header
 * against those the manifest asks for), and in Socket Mode the app-level token against
 * `apps.connections.open` (which only hands out a WebSocket address: nothing connects).
 */
export async function slackDoctor(config: SlackConfig): Promise<Check[]> {
  const options = { ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}), logger: quiet, retryConfig: { retries: 0 }, timeout: 10_000 };
  const checks: Check[] = [];
  try {
    const identity = await new webApi.WebClient(config.SLACK_BOT_TOKEN, options).auth.test();
    checks.push({ status: 'ok', message: 'platforms.slack.doctor.connected', params: { team: String(identity.team ?? ''), teamId: String(identity.team_id ?? ''), user: String(identity.user ?? '') } });
    const granted = identity.response_metadata?.scopes;
    if (!granted) {
      checks.push({ status: 'warning', message: 'platforms.slack.doctor.scopesUnknown', fix: 'platforms.slack.doctor.scopesFix' });
    } else {
      const missing = botScopes.filter((scope) => !granted.includes(scope));
      checks.push(missing.length
        ? { status: 'failed', message: 'platforms.slack.doctor.scopesMissing', fix: 'platforms.slack.doctor.scopesFix', params: { scopes: missing.join(', ') } }
        : { status: 'ok', message: 'platforms.slack.doctor.scopes', params: { count: botScopes.length } });
    }
  } catch (error) {
    checks.push(refused(error)
      ? { status: 'failed', message: 'platforms.slack.doctor.tokenRefused', fix: 'platforms.slack.doctor.tokenFix', params: { reason: reasonOf(error) } }
      : { status: 'failed', message: 'platforms.slack.doctor.unreachable', fix: 'platforms.slack.doctor.unreachableFix', params: { reason: reasonOf(error) } });
  }
  if (config.SLACK_APP_TOKEN) {
    try {
      await new webApi.WebClient(config.SLACK_APP_TOKEN, options).apps.connections.open();
      checks.push({ status: 'ok', message: 'platforms.slack.doctor.socketMode' });
    } catch (error) {
      checks.push({ status: 'failed', message: 'platforms.slack.doctor.appTokenRefused', fix: 'platforms.slack.doctor.appTokenFix', params: { reason: reasonOf(error) } });
    }
  }
  return checks;
}
