import type { webApi } from '@slack/bolt';
import type { RespondFn } from '@slack/bolt';
import type { Reply } from '../../src/core/card.ts';
import type { Logger } from '../../src/logger.ts';
import { renderCard } from './render.ts';

/** Where the answers to one person's gesture go. */
export interface ReplyTarget {
  channel: string;
  user: string;
  /**
   * The gesture's response_url (slash commands, clicks): it works even where the bot is not a
   * member, and in direct messages. Without one, chat.postEphemeral / chat.postMessage.
   */
  respond?: RespondFn | undefined;
  /** A click on a message: answers must not replace the message clicked. */
  keepOriginal?: boolean;
}

/**
 * Sends the core's replies: 'ephemeral' ones only to the person, 'channel' ones to everyone.
 * Failures are logged with the Slack method, never thrown: the gesture itself was handled.
 */
export async function deliver(client: webApi.WebClient, logger: Logger, replies: Reply[], target: ReplyTarget): Promise<void> {
  for (const reply of replies) {
    const message = renderCard(reply.card);
    const method = target.respond ? 'response_url' : reply.visibility === 'ephemeral' ? 'chat.postEphemeral' : 'chat.postMessage';
    try {
      if (target.respond) {
        await target.respond({
          ...message,
          response_type: reply.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel',
          ...(target.keepOriginal ? { replace_original: false } : {}),
        });
      } else if (reply.visibility === 'ephemeral') {
        await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...message });
      } else {
        await client.chat.postMessage({ channel: target.channel, ...message, unfurl_links: false, unfurl_media: false });
      }
    } catch (error) {
      logger.error({ err: error, method, channel: target.channel }, 'could not deliver a Slack reply');
    }
  }
}

/**
 * Answers through a response_url kept for later (a modal remembers its slash command's), as Bolt's
 * respond() does for the request at hand. Slack accepts it for 30 minutes, 5 times.
 */
export function respondTo(responseUrl: string): RespondFn {
  return async (message) => {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return response;
  };
}
