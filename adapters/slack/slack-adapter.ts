import { HTTPReceiver, SocketModeReceiver, webApi, type ReceiverEvent } from '@slack/bolt';
import type { ChatAdapter, SendOptions } from '../../src/core/adapter.ts';
import type { Card, Reply } from '../../src/core/card.ts';
import { RelaisError } from '../../src/core/errors.ts';
import type { CapturedMessage, Gesture } from '../../src/core/gesture.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { ChannelRef, PersonRef, PostedMessage, UserRef } from '../../src/core/platform.ts';
import type { AdapterDeps } from '../../src/core/platform-module.ts';
import type { RelaisPort } from '../../src/core/port.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackNameOf, unicodeOf } from './emoji.ts';
import { modalOf, readFormContext } from './form.ts';
import { gestureOf, type GateContext, type SlackReplyTo } from './gestures.ts';
import type { SlackConfig } from './config.ts';
import { readableText, type SlackMessage } from './message-text.ts';
import { People } from './people.ts';
import { renderCard, type SlackMessage as BlockMessage } from './render.ts';
import { EVENTS_PATH } from './paths.ts';
import { acceptableTimestamp } from './timestamps.ts';


/** Message metadata naming the outbox key a post was sent for: read back before a retry. */
const METADATA_TYPE = 'relais_message';

/** Slack's error code on a failed Web API call (`not_in_channel`, `ratelimited`…). */
const slackErrorOf = (error: unknown): string | undefined => (error as { data?: { error?: string } }).data?.error;

type Receiver = HTTPReceiver | SocketModeReceiver;

/** What Relais needs to know of a channel beyond its id. */
interface Conversation { name: string | undefined; private: boolean }
const CONVERSATION_TTL_MS = 10 * 60_000;

/**
 * Relais on Slack. Bolt's receivers verify and parse what Slack sends (HTTP on the shared PORT, or
 * Socket Mode); every request goes through one gate that records the gesture with the core
 * *before* acknowledging it, so an acknowledged gesture is never lost: when the database cannot
 * take it, events get a 500 (Slack redelivers them), commands, clicks and forms the localized
 * "temporarily unavailable". Nothing else happens before the acknowledgement: names and admin
 * rights are looked up when the gesture is worked (describe). Posts carry their outbox key as
 * message metadata and are never retried by the Web API client: after an unclear failure, the
 * channel's history says whether the post landed.
 */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack';
  readonly idempotentPosts = true;
  readonly showsForms = true;
  readonly privateReplies = true;
  /** What conversations.info said of each channel (name, privacy), for a while. */
  private readonly conversations = new Map<string, { info: Promise<Conversation | undefined>; until: number }>();

  private constructor(
    private readonly receiver: Receiver,
    private readonly socketMode: boolean,
    /** Reads, edits, reactions: retried by the client (a retry cannot double anything). */
    private readonly client: webApi.WebClient,
    /** Posts: never retried blindly; the outbox retries, after looking. */
    private readonly poster: webApi.WebClient,
    private readonly people: People,
    private readonly logger: Logger,
    private readonly port: RelaisPort,
  ) {}

  static async create({ port, config, logger, http }: AdapterDeps<SlackConfig>): Promise<SlackAdapter> {
    const token = config.SLACK_BOT_TOKEN;
    if (!token) throw new Error('SLACK_BOT_TOKEN is required for Slack');
    const boltLog = boltLogger(logger);
    const api = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
    // Explicit everywhere: Socket Mode's client would otherwise raise its retries to 100.
    const client = new webApi.WebClient(token, { ...api, logger: boltLog, retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes });
    const poster = new webApi.WebClient(token, { ...api, logger: boltLog, retryConfig: { retries: 0 } });
    // Once at startup: fails fast on a bad token, and says who the bot is (to ignore its own reactions).
    const identity = await new webApi.WebClient(token, { ...api, logger: boltLog, retryConfig: { retries: 2 } }).auth.test();
    const socketMode = Boolean(config.SLACK_APP_TOKEN);
    let receiver: Receiver;
    if (socketMode) {
      // The Socket Mode client takes its Web API options through installerOptions (Bolt 5.1).
      receiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger: boltLog, installerOptions: { clientOptions: { ...api, retryConfig: { retries: 2 } } } });
    } else {
      if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for the Slack HTTP receiver');
      const httpReceiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, endpoints: EVENTS_PATH, logger: boltLog, processBeforeResponse: false });
      receiver = httpReceiver;
      http.mount(EVENTS_PATH, (request, response) => {
        // Bolt refuses stale timestamps; one from the future is as suspect (a replay prepared ahead).
        if (!acceptableTimestamp(request.headers['x-slack-request-timestamp'], Date.now())) {
          response.writeHead(401).end();
          return;
        }
        try {
          httpReceiver.requestListener(request, response);
        } catch {
          // Only POSTs to the exact path are Slack's.
          response.writeHead(405, { Allow: 'POST' }).end();
        }
      });
    }
    const adapter = new SlackAdapter(receiver, socketMode, client, poster, new People(client, logger), logger, port);
    const forms = new Map(port.declarations.forms.map((form) => [form.id, form]));
    const gate: GateContext = {
      botUserId: identity.user_id,
      reactions: new Set(port.declarations.reactions.map(({ emoji }) => unicodeOf(slackNameOf(emoji)))),
      removals: new Set(port.declarations.reactions.filter(({ removals }) => removals).map(({ emoji }) => unicodeOf(slackNameOf(emoji)))),
      captureId: port.declarations.capture.id,
      formFields: (id) => forms.get(id)?.fields,
    };
    // The receiver hands every verified request to the gate instead of a Bolt App.
    receiver.init({ processEvent: (event: ReceiverEvent) => adapter.gateway(event, gate) } as never);
    logger.info({ team: identity.team_id, bot: identity.user_id, mode: socketMode ? 'socket' : 'http' }, 'Slack adapter ready');
    return adapter;
  }

  /** Records, then acknowledges: the only thing done while Slack waits for its answer. */
  private async gateway(event: ReceiverEvent, gate: GateContext): Promise<void> {
    const body = event.body as Record<string, any>;
    if (body.type === 'view_submission' && gate.formFields(body.view?.callback_id)) {
      // Mistakes show beside their fields and the form stays open: checked before anything is recorded.
      const gesture = gestureOf(body, gate)!;
      const locale = readFormContext(body.view.private_metadata).locale;
      const errors = gesture.kind === 'form' ? this.port.checkForm(gesture.formId, gesture.values, locale, gesture.subject) : undefined;
      if (errors) return event.ack({ response_action: 'errors', errors });
    }
    const gesture = gestureOf(body, gate);
    if (!gesture) return event.ack();
    const receipt = await this.port.handle(gesture);
    if (receipt !== 'unavailable') return event.ack();
    // Not kept, so not acknowledged as kept: events are redelivered by Slack; the others are told.
    if (body.type === 'event_callback') throw new RelaisError('unavailable', 'errors.unavailable', {}, 'gesture not recorded: database unavailable');
    const card = this.port.unavailableCard();
    if (gesture.kind === 'command') return event.ack({ response_type: 'ephemeral', ...renderCard(card) });
    if (gesture.kind === 'form') return event.ack({ response_action: 'errors', errors: { [firstField(body)]: renderCard(card).text } });
    await event.ack();
    await this.reply(gesture.replyTo, { visibility: 'ephemeral', card }, { key: gesture.deliveryKey }).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not say Relais is unavailable');
    });
  }

  async start(): Promise<void> {
    if (this.socketMode) await (this.receiver as SocketModeReceiver).start();
  }

  async stop(): Promise<void> {
    if (this.socketMode) await (this.receiver as SocketModeReceiver).stop();
  }

  /**
   * Names and rights, looked up when the gesture is worked: the person's display name and whether
   * they administer the workspace (they moderate its channels' own settings); a captured message
   * made readable, with its permalink; the channels a form chose, with their names.
   */
  async describe(gesture: Gesture): Promise<Gesture> {
    const [person, channel] = await Promise.all([
      this.people.lookup(gesture.user.externalId, gesture.user.displayName),
      // A slash command says whether its channel is private; other gestures are asked about.
      gesture.channel.private === undefined ? this.withPrivacy(gesture.channel) : gesture.channel,
    ]);
    const described: Gesture = { ...gesture, channel, user: { ...gesture.user, displayName: person.displayName }, channelModerator: person.isAdmin };
    if (described.kind === 'capture') return { ...described, message: await this.readable(described.channel, described.message) };
    if (described.kind === 'form') {
      const values = { ...described.values };
      for (const [name, value] of Object.entries(values)) {
        if (Array.isArray(value)) values[name] = await Promise.all(value.map((channel) => this.named(channel)));
      }
      return { ...described, values };
    }
    return described;
  }

  async post(channel: ChannelRef, card: Card, options: SendOptions): Promise<PostedMessage> {
    return { messageId: await this.postOnce(channel.externalId, card, options) };
  }

  async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    await this.call('chat.update', channel.externalId, () => this.client.chat.update({ channel: channel.externalId, ts: messageId, ...renderCard(card) }));
  }

  async reply(to: Record<string, unknown>, reply: Reply, options: SendOptions): Promise<void> {
    const target = to as SlackReplyTo;
    if ('form' in reply && target.triggerId) {
      const context = { team: target.team ?? '', channel: target.channel, channelName: target.channelName, locale: reply.form.locale, responseUrl: target.responseUrl };
      try {
        await this.client.views.open({ trigger_id: target.triggerId, view: modalOf(reply.form, context) });
        return;
      } catch (error) {
        // Without the form (its trigger expired), the usage of the one-line syntax is the next best answer.
        this.logger.warn({ err: error, method: 'views.open' }, 'could not open the form');
      }
    }
    const message = renderCard(reply.card);
    if (target.responseUrl) {
      await this.call('response_url', target.channel, () => respondTo(target.responseUrl!, {
        ...message,
        response_type: reply.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel',
        ...(target.keepOriginal ? { replace_original: false } : {}),
      }));
    } else if (reply.visibility === 'ephemeral') {
      await this.call('chat.postEphemeral', target.channel, () => this.client.chat.postEphemeral({ channel: target.channel, user: target.user, ...message }));
    } else {
      await this.postOnce(target.channel, reply.card, options);
    }
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

  async sendDirect(user: UserRef, card: Card, options: SendOptions): Promise<void> {
    const { channel } = await this.call('conversations.open', user.externalId, () => this.client.conversations.open({ users: user.externalId }));
    if (!channel?.id) throw new RelaisError('unavailable', 'errors.unavailable', {}, 'conversations.open returned no channel');
    await this.postOnce(channel.id, card, options);
  }

  /** The message a reaction points at: channel history finds top-level messages, a thread's replies only conversations.replies does. */
  async fetchMessage(channel: ChannelRef, messageId: string): Promise<CapturedMessage | undefined> {
    try {
      const range = { channel: channel.externalId, latest: messageId, oldest: messageId, inclusive: true, limit: 1 };
      const history = await this.client.conversations.history(range);
      const found = (history.messages?.find((message) => message.ts === messageId)
        ?? (await this.client.conversations.replies({ ...range, ts: messageId })).messages?.find((message) => message.ts === messageId)) as SlackMessage | undefined;
      if (!found) return undefined;
      const author = found.user ?? found.bot_id ?? 'unknown';
      return this.readable(channel, { messageId, text: found.text ?? '', author: { platform: 'slack', workspace: channel.workspace, externalId: author, displayName: found.username ?? author } });
    } catch (error) {
      this.logger.warn({ err: error, method: 'conversations.history', channel: channel.externalId }, 'could not fetch the reacted message');
      return undefined;
    }
  }

  async lookupUser(person: PersonRef): Promise<UserRef | undefined> {
    const found = await this.people.find(person.externalId);
    return found && { ...person, displayName: found.displayName };
  }

  /** A message's text as people read it (mentions as names), its author's name, and its permalink. */
  private async readable(channel: ChannelRef, message: CapturedMessage): Promise<CapturedMessage> {
    const [text, author, permalink] = await Promise.all([
      readableText(message.text, (userId) => this.people.displayName(userId)),
      this.people.displayName(message.author.externalId, message.author.displayName),
      this.client.chat.getPermalink({ channel: channel.externalId, message_ts: message.messageId }).then(
        (answer) => answer.permalink,
        (error: unknown) => {
          this.logger.warn({ err: error, method: 'chat.getPermalink', channel: channel.externalId }, 'Slack chat.getPermalink failed');
          return undefined;
        },
      ),
    ]);
    return { ...message, text, author: { ...message.author, displayName: author }, ...(permalink ? { permalink } : {}) };
  }

  /** A channel with its name (conversations.info, remembered), for messages that mention it. */
  private async named(channel: ChannelRef): Promise<ChannelRef> {
    const known = (await this.conversation(channel))?.name;
    return known ? { ...channel, name: known } : channel;
  }

  /** A channel with whether it is private (a private channel, a direct message), when Slack says; as it was otherwise. */
  private async withPrivacy(channel: ChannelRef): Promise<ChannelRef> {
    const known = await this.conversation(channel);
    return known ? { ...channel, ...(channel.name || !known.name ? {} : { name: known.name }), private: known.private } : channel;
  }

  /** conversations.info, remembered ten minutes (a channel can be made private); a failure is logged and not remembered. */
  private conversation(channel: ChannelRef): Promise<Conversation | undefined> {
    const cached = this.conversations.get(channel.externalId);
    if (cached && cached.until > Date.now()) return cached.info;
    const info = this.client.conversations.info({ channel: channel.externalId }).then(
      ({ channel: found }) => ({ name: found?.name, private: Boolean(found?.is_private || found?.is_im || found?.is_mpim) }),
      (error: unknown) => {
        this.logger.warn({ err: error, method: 'conversations.info', channel: channel.externalId }, 'Slack conversations.info failed');
        this.conversations.delete(channel.externalId);
        return undefined;
      },
    );
    this.conversations.set(channel.externalId, { info, until: Date.now() + CONVERSATION_TTL_MS });
    return info;
  }

  /**
   * One chat.postMessage per outbox key: a retry first looks in the channel's recent history for
   * a message carrying the key (a post Slack accepted and then answered 500 to, or whose process
   * died mid-call), and sends only if there is none.
   */
  private async postOnce(channel: string, card: Card, options: SendOptions): Promise<string> {
    if (options.retry) {
      const landed = await this.findPosted(channel, options.key);
      if (landed) return landed;
    }
    const message: BlockMessage & Record<string, unknown> = {
      ...renderCard(card), unfurl_links: false, unfurl_media: false,
      metadata: { event_type: METADATA_TYPE, event_payload: { key: options.key } },
    };
    const posted = await this.call('chat.postMessage', channel, async () => {
      try {
        return await this.poster.chat.postMessage({ channel, ...message } as never);
      } catch (error) {
        if (slackErrorOf(error) !== 'not_in_channel') throw error;
        // Public channels can be joined (channels:join); private ones need an invitation.
        await this.client.conversations.join({ channel });
        return this.poster.chat.postMessage({ channel, ...message } as never);
      }
    });
    if (!posted.ts) throw new RelaisError('unavailable', 'errors.unavailable', {}, 'chat.postMessage returned no ts');
    return posted.ts;
  }

  private async findPosted(channel: string, key: string): Promise<string | undefined> {
    const recent = await this.call('conversations.history', channel, () => this.client.conversations.history({ channel, limit: 100, include_all_metadata: true }));
    const match = recent.messages?.find((message) => {
      const metadata = (message as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
      return metadata?.event_type === METADATA_TYPE && metadata.event_payload?.key === key;
    });
    return match?.ts;
  }

  /** Logs a failed Web API call with its method, then fails with a message people can read. */
  private async call<T>(method: string, target: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const code = slackErrorOf(error);
      this.logger.error({ err: error, method, target, slackError: code }, `Slack ${method} failed`);
      const notMember = code === 'not_in_channel' || code === 'channel_not_found' || code === 'method_not_supported_for_channel_type';
      if (notMember) throw new RelaisError('conflict', 'platforms.slack.errors.notInChannel', {}, `Slack ${method} failed: ${code}`);
      throw new RelaisError('unavailable', 'errors.unavailable', {}, `Slack ${method} failed: ${code ?? String(error)}`);
    }
  }
}

/** The first field of a submitted form: where "temporarily unavailable" shows. */
const firstField = (body: Record<string, any>) => Object.keys(body.view?.state?.values ?? {})[0] ?? 'title';

/** Answers through a response_url (Slack accepts it for 30 minutes, 5 times). */
async function respondTo(responseUrl: string, message: object): Promise<void> {
  const response = await fetch(responseUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}
