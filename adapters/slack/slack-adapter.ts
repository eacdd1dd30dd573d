import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { AdapterDeps, ChannelRef, ChatAdapter, PostedMessage, UserRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { RelaisError } from '../../src/core/errors.ts';
import { WorkQueue } from '../../src/core/work-queue.ts';
import type { Logger } from '../../src/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerCommands } from './commands.ts';
import { slackNameOf } from './emoji.ts';
import { registerInteractions } from './interactions.ts';
import { registerMeetupModal } from './meetup-modal.ts';
import { People } from './people.ts';
import { registerReactions } from './reactions.ts';
import { renderCard } from './render.ts';
import type { SlackRuntime } from './runtime.ts';

/** Where Slack POSTs slash commands, events and interactivity in HTTP mode (manifest.yml). */
export const EVENTS_PATH = '/slack/events';

/**
 * Listener jobs under way at once: more would put more database work between two acknowledgements
 * (on SQLite it blocks the event loop); one would leave the process idle while a job waits on Slack.
 */
const WORK_CONCURRENCY = 2;

/** Slack's error code on a failed Web API call (`not_in_channel`, `ratelimited`…). */
const slackErrorOf = (error: unknown): string | undefined => (error as { data?: { error?: string } }).data?.error;

/**
 * Relais on Slack with Bolt: Socket Mode when an app token is configured, otherwise Bolt's HTTP
 * receiver mounted at /slack/events on Relais's shared HTTP server. Listeners acknowledge first
 * and work after, through a work queue, so neither database work nor Web API calls (retried after
 * Retry-After on 429) delay an ack.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;

  private constructor(
    private readonly app: App,
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly socketMode: boolean,
    private readonly work: WorkQueue,
  ) {}

  static async create({ relais, config, logger, http }: AdapterDeps): Promise<SlackAdapter> {
    const token = config.SLACK_BOT_TOKEN;
    if (!token) throw new Error('SLACK_BOT_TOKEN is required for Slack');
    const boltLog = boltLogger(logger);
    // Explicit everywhere: Socket Mode's client would otherwise raise its retries to 100.
    const clientOptions: webApi.WebClientOptions = {
      retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    };
    // Once at startup: fails fast on a bad token, and tells Bolt who the bot is (to ignore its own events).
    const identity = await new webApi.WebClient(token, { ...clientOptions, retryConfig: { retries: 2 }, logger: boltLog }).auth.test();
    const common = {
      token, botId: identity.bot_id, botUserId: identity.user_id, clientOptions, logger: boltLog,
      convoStore: false as const, processBeforeResponse: false,
    };
    const socketMode = Boolean(config.SLACK_APP_TOKEN);
    let app: App;
    if (socketMode) {
      app = new App({ ...common, socketMode: true, appToken: config.SLACK_APP_TOKEN });
    } else {
      const signingSecret = config.SLACK_SIGNING_SECRET;
      if (!signingSecret) throw new Error('SLACK_SIGNING_SECRET is required for the Slack HTTP receiver');
      const receiver = new HTTPReceiver({ signingSecret, endpoints: EVENTS_PATH, logger: boltLog, processBeforeResponse: false });
      app = new App({ ...common, receiver });
      http.mount(EVENTS_PATH, (request, response) => {
        try {
          receiver.requestListener(request, response);
        } catch {
          // Only POSTs to the exact path are Slack's.
          response.writeHead(405, { Allow: 'POST' }).end();
        }
      });
    }
    const work = new WorkQueue({ name: 'slack', logger, concurrency: WORK_CONCURRENCY });
    const adapter = new SlackAdapter(app, app.client, logger, socketMode, work);
    const runtime: SlackRuntime = { relais, config, client: app.client, people: new People(app.client, logger), logger, work };
    registerCommands(app, runtime);
    registerInteractions(app, runtime);
    registerMeetupModal(app, runtime);
    registerReactions(app, runtime);
    app.error(async (error) => {
      logger.error({ err: error.original ?? error, code: error.code }, 'Slack listener failed');
    });
    logger.info({ team: identity.team_id, bot: identity.user_id, mode: socketMode ? 'socket' : 'http' }, 'Slack adapter ready');
    return adapter;
  }

  async start(): Promise<void> {
    if (this.socketMode) await this.app.start();
  }

  async stop(): Promise<void> {
    if (this.socketMode) await this.app.stop();
    // Acknowledged gestures are done before the database closes.
    await this.work.idle();
  }

  async post(channel: ChannelRef, card: Card): Promise<PostedMessage> {
    const message = { channel: channel.externalId, ...renderCard(card), unfurl_links: false, unfurl_media: false };
    const posted = await this.call('chat.postMessage', channel.externalId, async () => {
      try {
        return await this.client.chat.postMessage(message);
      } catch (error) {
        if (slackErrorOf(error) !== 'not_in_channel') throw error;
        // Public channels can be joined (channels:join); private ones need an invitation.
        await this.client.conversations.join({ channel: channel.externalId });
        return this.client.chat.postMessage(message);
      }
    });
    if (!posted.ts) throw new RelaisError('unavailable', 'errors.unavailable', {}, 'chat.postMessage returned no ts');
    return { messageId: posted.ts };
  }

  async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    await this.call('chat.update', channel.externalId, () => this.client.chat.update({ channel: channel.externalId, ts: messageId, ...renderCard(card) }));
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    for (const emoji of emojis) {
      await this.call('reactions.add', channel.externalId, async () => {
        await this.client.reactions.add({ channel: channel.externalId, timestamp: messageId, name: slackNameOf(emoji) }).catch((error: unknown) => {
          if (slackErrorOf(error) !== 'already_reacted') throw error;
        });
      });
    }
  }

  async sendDirect(user: UserRef, card: Card): Promise<void> {
    await this.call('chat.postMessage', user.externalId, async () => {
      const { channel } = await this.client.conversations.open({ users: user.externalId });
      if (!channel?.id) throw new Error('conversations.open returned no channel');
      await this.client.chat.postMessage({ channel: channel.id, ...renderCard(card), unfurl_links: false, unfurl_media: false });
    });
  }

  /** Logs a failed Web API call with its method, then fails with a message people can read. */
  private async call<T>(method: string, target: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const code = slackErrorOf(error);
      this.logger.error({ err: error, method, target, slackError: code }, `Slack ${method} failed`);
      const notMember = code === 'not_in_channel' || code === 'channel_not_found' || code === 'method_not_supported_for_channel_type';
      throw new RelaisError('unavailable', notMember ? 'slack.errors.notInChannel' : 'errors.unavailable', {}, `Slack ${method} failed: ${code ?? String(error)}`);
    }
  }
}
