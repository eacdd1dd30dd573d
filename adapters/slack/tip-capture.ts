import type { ReactedMessage } from '../../src/relais.ts';
import { slackUser } from './conversation.ts';
import { readableText } from './message-text.ts';
import type { SlackRuntime } from './runtime.ts';

/** A Slack message as payloads and conversations.history give it (trimmed to what a tip needs). */
export interface SlackMessage {
  ts?: string | undefined;
  text?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  username?: string | undefined;
}

/** What the core stores as a tip: readable text, the author (not the person saving it), a permalink. */
export async function capturedMessage(runtime: SlackRuntime, teamId: string, channelId: string, message: SlackMessage): Promise<ReactedMessage> {
  const { people, client, logger } = runtime;
  const authorId = message.user ?? message.bot_id ?? 'unknown';
  const [text, author, permalink] = await Promise.all([
    readableText(message.text ?? '', (userId) => people.displayName(userId)),
    slackUser(people, teamId, authorId, message.username),
    client.chat.getPermalink({ channel: channelId, message_ts: message.ts ?? '' }).then(
      (answer) => answer.permalink,
      (error: unknown) => {
        logger.warn({ err: error, method: 'chat.getPermalink', channel: channelId }, 'Slack chat.getPermalink failed');
        return undefined;
      },
    ),
  ]);
  return { text, author, ...(permalink ? { permalink } : {}) };
}

/**
 * Fetches the message a reaction points at: channel history finds top-level messages, a thread's
 * replies are only found through conversations.replies.
 */
export async function fetchMessage(runtime: SlackRuntime, channelId: string, ts: string): Promise<SlackMessage | undefined> {
  const { client, logger } = runtime;
  try {
    const history = await client.conversations.history({ channel: channelId, latest: ts, oldest: ts, inclusive: true, limit: 1 });
    const found = history.messages?.find((message) => message.ts === ts);
    if (found) return found;
    const thread = await client.conversations.replies({ channel: channelId, ts, latest: ts, oldest: ts, inclusive: true, limit: 1 });
    return thread.messages?.find((message) => message.ts === ts);
  } catch (error) {
    logger.warn({ err: error, method: 'conversations.history', channel: channelId }, 'could not fetch the reacted message');
    return undefined;
  }
}
