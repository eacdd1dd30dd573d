import type { ChannelRef, Conversation, UserRef } from '../../src/core/adapter.ts';
import type { People } from './people.ts';
import type { SlackRuntime } from './runtime.ts';

/** Where and who, as Slack payloads give them. */
export interface SlackSpeaker {
  teamId: string;
  channelId: string;
  /** Slash commands and interactions carry it; events do not. */
  channelName?: string | undefined;
  userId: string;
  userName?: string | undefined;
}

export function slackChannel(teamId: string, channelId: string, name?: string): ChannelRef {
  return { platform: 'slack', workspace: teamId, externalId: channelId, ...(name ? { name } : {}) };
}

const userRef = (teamId: string, userId: string, displayName: string): UserRef =>
  ({ platform: 'slack', workspace: teamId, externalId: userId, displayName });

export async function slackUser(people: People, teamId: string, userId: string, fallbackName?: string): Promise<UserRef> {
  return userRef(teamId, userId, await people.displayName(userId, fallbackName));
}

/** The core's Conversation: the channel is keyed by team id, the user named and ranked from users.info. */
export async function conversationOf(people: People, who: SlackSpeaker): Promise<Conversation> {
  const person = await people.lookup(who.userId, who.userName);
  return {
    channel: slackChannel(who.teamId, who.channelId, who.channelName),
    user: userRef(who.teamId, who.userId, person.displayName),
    isChannelModerator: person.isAdmin,
  };
}

/** A channel with its name (conversations.info), for messages that mention it; just the id if Slack will not say. */
export async function namedChannel(runtime: Pick<SlackRuntime, 'client' | 'logger'>, teamId: string, channelId: string): Promise<ChannelRef> {
  try {
    const { channel } = await runtime.client.conversations.info({ channel: channelId });
    return slackChannel(teamId, channelId, channel?.name);
  } catch (error) {
    runtime.logger.warn({ err: error, method: 'conversations.info', channel: channelId }, 'Slack conversations.info failed');
    return slackChannel(teamId, channelId);
  }
}
