import type { FormValues } from './form.ts';
import type { ChannelRef, UserRef } from './platform.ts';

/** Where the answers to a gesture go, as the adapter wants it back in ChatAdapter.reply (JSON). */
export type ReplyTarget = Record<string, unknown>;

/** A message someone wants kept as a tip: its text as people read it, and who wrote it. */
export interface CapturedMessage {
  messageId: string;
  text: string;
  author: UserRef;
  permalink?: string;
}

interface GestureBase {
  /**
   * Unique per delivery on the platform, the same when the platform delivers it again (an event id,
   * a trigger id, a click's timestamp and user…): a redelivery is acknowledged, never applied twice.
   */
  deliveryKey: string;
  channel: ChannelRef;
  user: UserRef;
  /**
   * The person moderates this channel on the platform (a Slack workspace admin, a Matrix room
   * moderator or creator). It counts for the channel's own settings only, never for a network.
   */
  channelModerator?: boolean;
  replyTo: ReplyTarget;
}

/** Everything people do that Relais answers, whatever the platform. */
export type Gesture = GestureBase & (
  | { kind: 'command'; command: string; text: string }
  | { kind: 'action'; actionId: string; value: string }
  | { kind: 'reaction'; emoji: string; added: boolean; messageId: string }
  | { kind: 'form'; formId: string; values: FormValues; subject?: string }
  | { kind: 'capture'; message: CapturedMessage }
);

export type GestureKind = Gesture['kind'];
