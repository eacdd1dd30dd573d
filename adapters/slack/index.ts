import { definePlatform } from '../../src/core/platform-module.ts';
import { slackManifest } from './manifest.ts';
import { shape } from './config.ts';
import { strings } from './strings.ts';

/**
 * Slack: Bolt's receivers (HTTP on the shared PORT at /slack/events, or Socket Mode) and its Web
 * API client. Configured by SLACK_BOT_TOKEN; the SDK is loaded only then.
 */
export const slackPlatform = definePlatform({
  name: 'slack',
  commandPrefix: '/',
  config: {
    shape,
    // All or nothing: a half-configured Slack is an error, not a silent fallback to the console.
    problems(env) {
      const wanted = Boolean(env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN);
      return [
        ...(wanted && !env.SLACK_BOT_TOKEN ? ['SLACK_BOT_TOKEN: is required to connect to Slack'] : []),
        ...(wanted && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET
          ? ['SLACK_SIGNING_SECRET: is required for the Slack HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)'] : []),
      ];
    },
  },
  configured: (config) => Boolean(config.SLACK_BOT_TOKEN),
  strings,
  /** `<@U123>` or `<@U123|ana>` (what Slack sends for a mention), or a bare user id, in the channel's workspace. */
  parseMention(text, where) {
    const id = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text)?.[1] ?? /^[UW][A-Z0-9]{2,}$/.exec(text)?.[0];
    return id ? { platform: 'slack', workspace: where.workspace, externalId: id } : undefined;
  },
  artifacts: (declarations) => [{ path: 'adapters/slack/manifest.yml', content: slackManifest(declarations) }],
  async create(deps) {
    const { SlackAdapter } = await import('./slack-adapter.ts');
    return SlackAdapter.create(deps);
  },
  async doctor(config) {
    const { slackDoctor } = await import('./doctor.ts');
    return slackDoctor(config);
  },
});
