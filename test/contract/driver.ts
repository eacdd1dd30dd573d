import type { Db } from '../../src/db/client.ts';

/** Who acts in the contract scenario: an administrator of Relais, and an ordinary member. */
export type Who = 'admin' | 'member';

/**
 * One platform as the contract suite drives it, through that platform's own deliveries (signed
 * Slack requests, Matrix room events, console lines, the in-memory chat's port calls). Texts are
 * what the people on the platform read.
 */
export interface ContractDriver {
  name: string;
  db: Db;
  /** What the platform can do: a scenario step is run on the platforms that have it. */
  /** `people`: someone other than an administrator can speak (the console has only its operator). */
  can: { buttons: boolean; reactions: boolean; capture: boolean; forms: boolean; redelivery: boolean; people: boolean };
  /** A command line ("/tip add …") as `who`; resolves with the answer. */
  say(who: Who, line: string): Promise<string>;
  /** Waits for the announcement whose text has `title`; its message id. */
  announcement(title: string): Promise<string>;
  /** Waits until that announcement reads `pattern` (after its edits). */
  announcementReads(messageId: string, pattern: RegExp): Promise<void>;
  /** Presses the button labelled `label` on the last answer `who` got (a preview's "Publier"); the answer to it. */
  press?(label: string, who: Who): Promise<string>;
  /** The private messages `who` got so far, as they read them. */
  privateMessages(who: Who): Promise<string[]>;
  /** Answers "going" with the announcement's button. */
  clickGoing?(messageId: string, who: Who): Promise<void>;
  react?(messageId: string, who: Who, emoji: string): Promise<void>;
  /** Someone writes a message in the channel; its id. */
  write?(who: Who, text: string): Promise<string>;
  /** "Save as tip" on that message (a shortcut, or the tip emoji); the answer the saver reads. */
  capture?(messageId: string, who: Who): Promise<string>;
  /** Fills in and submits the meetup form; the answer. */
  submitMeetupForm?(who: Who, title: string): Promise<string>;
  /** Sends the last gesture again, as the platform redelivers it. */
  redeliverLast?(): Promise<void>;
  /** Waits until everything handed to Relais is worked and sent. */
  settle(): Promise<void>;
  /** The database is away: what `who` reads when saying `line`, and (where the platform redelivers it) the answer once it is back. */
  sayDuringOutage(who: Who, line: string): Promise<{ during: string; after?: () => Promise<string> }>;

  close(): Promise<void>;
}
