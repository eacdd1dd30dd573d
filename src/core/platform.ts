/**
 * A platform's name as its adapter declares it ("slack", "matrix", "console"…). The core lists
 * none: a new platform is a new folder in adapters/.
 */
export type Platform = string;

/** A channel as its platform names it: Slack team + channel id, Matrix homeserver + room id… */
export interface ChannelRef {
  platform: Platform;
  /** The platform's space the id belongs to: a Slack team id, a Matrix homeserver name… */
  workspace: string;
  externalId: string;
  name?: string;
  /**
   * Not open to everyone, as the platform says (a private Slack channel or a direct message, a
   * Matrix room whose join rule is not public); unset when the adapter does not know.
   */
  private?: boolean;
}

/** A person as their platform names them. */
export interface UserRef {
  platform: Platform;
  workspace: string;
  externalId: string;
  displayName: string;
}

/** Someone named in a command (a Slack mention, a Matrix pill or user id): who, not yet how they are called. */
export type PersonRef = Omit<UserRef, 'displayName'> & { displayName?: string };

export interface PostedMessage {
  messageId: string;
}
