import type { App } from '@slack/bolt';
import { conversationOf, type SlackSpeaker } from './conversation.ts';
import { openMeetupModal } from './meetup-modal.ts';
import { deliver } from './replies.ts';
import { firstDelivery, type SlackRuntime } from './runtime.ts';

/**
 * One Slack slash command per core command (/tip, /meetup, /summary, /relais), declared by the
 * core. Acknowledged first — Slack gives up after 3 s — then answered through response_url.
 */
export function registerCommands(app: App, runtime: SlackRuntime): void {
  const { relais, client, logger, people } = runtime;
  for (const { name } of relais.registry.commands) {
    app.command(`/${name}`, async ({ ack, command, respond }) => {
      await ack();
      // A trigger id expires 3 s after the command: the form must not wait behind the backlog.
      const opensForm = name === 'meetup' && /^\s*create\s*$/i.test(command.text);
      await runtime.work.run(async () => {
        // Socket Mode redelivers an envelope whose ack was lost; a trigger id is unique per invocation.
        const delivery = await firstDelivery(runtime, `command:${command.trigger_id}`);
        if (!delivery) return;
        const destination = { channel: command.channel_id, user: command.user_id, respond };
        if (delivery === 'unavailable') return deliver(client, logger, [relais.unavailableReply()], destination);
        const speaker: SlackSpeaker = {
          teamId: command.team_id, channelId: command.channel_id, channelName: command.channel_name,
          userId: command.user_id, userName: command.user_name,
        };
        if (opensForm) {
          try {
            return await openMeetupModal(runtime, speaker, command.trigger_id, command.response_url);
          } catch (error) {
            // Without the form, the usage of the one-line syntax is the next best answer.
            logger.error({ err: error, method: 'views.open' }, 'could not open the meetup form');
          }
        }
        const replies = await relais.command(await conversationOf(people, speaker), name, command.text, '/');
        await deliver(client, logger, replies, destination);
      }, { first: opensForm });
    });
  }
}
