import type { Card } from './card.ts';

export type Platform = 'slack' | 'matrix' | 'console';

/** A channel as a platform names it: Slack team + channel id, Matrix homeserver + room id, or the console. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team id, Matrix homeserver name, "local" for the console. */
  workspace: string;
  externalId: string;
  name?: string;
}

export interface UserRef {
  platform: Platform;
  workspace: string;
  externalId: string;
  displayName: string;
}

/** Who speaks where. Platform-level moderation rights (Slack workspace admin, Matrix power level >= 50) come from the adapter. */
export interface Conversation {
  channel: ChannelRef;
  user: UserRef;
  isChannelModerator?: boolean;
}

export interface PostedMessage {
  messageId: string;
}

/**
 * What the core asks of a platform. A new platform is one folder in adapters/ implementing this.
 * Optional capabilities are feature-detected by the core (e.g. no reactions on the console).
 */
export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  post(channel: ChannelRef, card: Card): Promise<PostedMessage>;
  update(channel: ChannelRef, messageId: string, card: Card): Promise<void>;
  /** Seeds the RSVP reactions under an announcement. */
  addReactions?(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void>;
  /** A private message to one person. */
  sendDirect?(user: UserRef, card: Card): Promise<void>;
}

/** Where an adapter can serve HTTP on the shared PORT (Slack's /slack/events beside the web pages). */
export type HttpHandler = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void;
export interface HttpMounts {
  mount(pathPrefix: string, handler: HttpHandler): void;
}

export interface AdapterDeps {
  relais: import('../relais.ts').Relais;
  config: import('../config.ts').Config;
  logger: import('../logger.ts').Logger;
  http: HttpMounts;
}

/** What each adapters/<platform>/index.ts exports as `adapter`. */
export interface AdapterModule {
  create(deps: AdapterDeps): Promise<ChatAdapter>;
}

/** A platform Relais can serve: whether the config asks for it, and how to load its adapter (lazily). */
export interface PlatformEntry {
  platform: Platform;
  configured(config: import('../config.ts').Config): boolean;
  load(): Promise<{ adapter: AdapterModule }>;
}
