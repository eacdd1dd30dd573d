import type { Card, Reply } from './card.ts';
import type { CapturedMessage, Gesture, ReplyTarget } from './gesture.ts';
import type { ChannelRef, PersonRef, Platform, PostedMessage, UserRef } from './platform.ts';

/** One message, whatever the number of attempts it takes. */
export interface SendOptions {
  /** The same on every attempt, across restarts and processes. */
  key: string;
  /**
   * An earlier attempt may have reached the platform (it failed without saying whether, or its
   * process died during it): look before sending again, where the platform allows.
   */
  retry?: boolean;
  /** A post meant as a reply under this message (a thread where the platform has them, else in the channel). */
  inReplyTo?: string;
}

/**
 * What the core asks of a platform. Optional methods are capabilities the core feature-detects
 * (the console has no reactions). A new platform is one folder in adapters/ implementing this.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * Posts with one key appear once even when sent again after a crash (Matrix transaction ids,
   * Slack message metadata looked up before a retry). Without it, a post whose process died
   * mid-call is left uncertain rather than risk a duplicate.
   */
  readonly idempotentPosts?: boolean;
  /** Declared forms can be shown (Slack's modals): a command typed bare opens its form. */
  readonly showsForms?: boolean;
  /**
   * Ephemeral replies are seen by the asker alone (Slack's, the console's terminal): a secret (a
   * link code, a calendar address) may be answered there; elsewhere it goes by private message.
   */
  readonly privateReplies?: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** An adapter that drives the process (the console reads its input to the end): the process stops when it resolves. */
  runUntilDone?(): Promise<void>;
  post(channel: ChannelRef, card: Card, options: SendOptions): Promise<PostedMessage>;
  update(channel: ChannelRef, messageId: string, card: Card): Promise<void>;
  /** An answer to a gesture, where its `replyTo` says (a form reply opens the form, if the platform has forms). */
  reply(to: ReplyTarget, reply: Reply, options: SendOptions): Promise<void>;
  /** Seeds the reactions that answer a message (RSVP). */
  addReactions?(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void>;
  /** A private message to one person. */
  sendDirect?(user: UserRef, card: Card, options: SendOptions): Promise<void>;
  /**
   * Fills in what the platform knows of who and where (display names, moderation rights, a
   * captured message made readable): called when the gesture is worked, never when it is
   * recorded, so acknowledging it never waits on the platform.
   */
  describe?(gesture: Gesture): Promise<Gesture>;
  /** A message as people read it, for a reaction that keeps it as a tip. */
  fetchMessage?(channel: ChannelRef, messageId: string): Promise<CapturedMessage | undefined>;
  /** Who someone named in a command is (their display name), or undefined when the platform knows nobody by that id. */
  lookupUser?(person: PersonRef): Promise<UserRef | undefined>;
}

// Failures: an adapter throws RelaisError — 'unavailable' when trying again later may help (a
// timeout, a 5xx, a rate limit), any other code when it cannot (not a member of the channel, an
// encrypted room): the core then tells the person who asked, with the error's message.
