import type { App } from '@slack/bolt';
import { rsvpEmoji } from '../../src/domain/meetups/view.ts';
import { conversationOf } from './conversation.ts';
import { slackNameOf, unicodeOf } from './emoji.ts';
import { deliver } from './replies.ts';
import { firstDelivery, type SlackRuntime } from './runtime.ts';
import { capturedMessage, fetchMessage } from './tip-capture.ts';

/**
 * Reactions answer announcements (✅ 🤔 ❌) and the tip emoji saves a message. Every reaction in
 * every channel arrives here, so the others are dropped before any lookup. Bolt's ignoreSelf drops
 * the bot's own (the RSVP reactions it seeds); a redelivered event_id counts once.
 */
export function registerReactions(app: App, runtime: SlackRuntime): void {
  const { relais, client, logger, people, config } = runtime;
  const answers = new Set<string>(Object.values(rsvpEmoji));
  // RELAIS_TIP_EMOJI may be written 💡 or :bulb:; the core compares with it as written.
  const tipEmoji = unicodeOf(slackNameOf(config.RELAIS_TIP_EMOJI));

  for (const added of [true, false]) {
    app.event(added ? 'reaction_added' : 'reaction_removed', async ({ event, body }) => {
      const unicode = unicodeOf(event.reaction);
      const isTip = added && unicode === tipEmoji;
      if (event.item.type !== 'message' || !(isTip || answers.has(unicode))) return;
      const emoji = isTip ? config.RELAIS_TIP_EMOJI : unicode;
      // Bolt acknowledged the event before calling this listener.
      await runtime.work.run(async () => {
        if (!(await firstDelivery(runtime, `event:${body.event_id}`))) return;
        const { channel, ts } = event.item;
        const teamId = body.team_id;
        const conversation = await conversationOf(people, { teamId, channelId: channel, userId: event.user });
        const replies = await relais.reaction(conversation, {
          messageId: ts,
          emoji,
          added,
          loadMessage: async () => {
            const message = await fetchMessage(runtime, channel, ts);
            return message && capturedMessage(runtime, teamId, channel, message);
          },
        });
        await deliver(client, logger, replies, { channel, user: event.user });
      });
    });
  }
}
