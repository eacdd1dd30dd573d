import type { App } from '@slack/bolt';
import { conversationOf } from './conversation.ts';
import { deliver } from './replies.ts';
import { firstDelivery, type SlackRuntime } from './runtime.ts';
import { capturedMessage } from './tip-capture.ts';

/** callback_id of the message shortcut "Save as tip" (manifest.yml declares it). */
export const SAVE_AS_TIP = 'relais.tip.save';

/**
 * Buttons of Relais's cards (RSVP, tip votes) go to the core under their action id; the "Save as
 * tip" shortcut saves the message it was used on. A click or shortcut Slack delivers twice (same
 * action_ts and user) counts once.
 */
export function registerInteractions(app: App, runtime: SlackRuntime): void {
  const { relais, client, logger, people } = runtime;

  app.action({ type: 'block_actions' }, async ({ ack, body, action, respond }) => {
    await ack();
    await runtime.work.run(async () => {
      const channelId = body.channel?.id ?? body.container?.channel_id;
      if (action.type !== 'button' || !channelId) return;
      if (!(await firstDelivery(runtime, `action:${action.action_ts}:${body.user.id}`))) return;
      const conversation = await conversationOf(people, {
        teamId: body.team?.id ?? body.user.team_id ?? '', channelId, channelName: body.channel?.name,
        userId: body.user.id, userName: body.user.name,
      });
      const replies = await relais.action(conversation, action.action_id, action.value ?? '');
      await deliver(client, logger, replies, { channel: channelId, user: body.user.id, respond, keepOriginal: true });
    });
  });

  app.shortcut({ callback_id: SAVE_AS_TIP, type: 'message_action' }, async ({ ack, shortcut }) => {
    await ack();
    await runtime.work.run(async () => {
      if (!(await firstDelivery(runtime, `shortcut:${shortcut.action_ts}:${shortcut.user.id}`))) return;
      const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
      const conversation = await conversationOf(people, {
        teamId, channelId: shortcut.channel.id, channelName: shortcut.channel.name, userId: shortcut.user.id, userName: shortcut.user.name,
      });
      const message = await capturedMessage(runtime, teamId, shortcut.channel.id, shortcut.message);
      const replies = await relais.captureTip(conversation, message);
      await deliver(client, logger, replies, { channel: shortcut.channel.id, user: shortcut.user.id });
    });
  });
}
