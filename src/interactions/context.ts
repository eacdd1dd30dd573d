import type { Clock } from '../core/clock.ts';
import type { Gesture } from '../core/gesture.ts';
import type { Logger } from '../core/logger.ts';
import type { PersonRef } from '../core/platform.ts';
import type { CoreConfig } from '../config.ts';
import type { Engine } from '../db/client.ts';
import type { Tx } from '../db/transaction.ts';
import type { Outgoing } from '../delivery/outgoing.ts';
import type { ChannelRecord, MemberRecord } from '../domain/directory.ts';
import type { RenderAnnouncement } from '../domain/meetups/announcer.ts';
import type { Asker } from '../domain/permissions.ts';
import type { DeliveryContext } from '../scheduler/context.ts';
import type { Locale, Translate } from '../i18n/translate.ts';

/** What every handler may use, built once per gesture by the pipeline. */
export interface InteractionContext {
  /** The gesture's transaction: what the handler writes commits with the gesture's "done" mark, or not at all. */
  db: Tx;
  engine: Engine;
  clock: Clock;
  config: CoreConfig;
  logger: Logger;
  gesture: Gesture;
  channel: ChannelRecord;
  member: MemberRecord;
  locale: Locale;
  timeZone: string;
  t: Translate;
  /** How commands are typed on another platform (a notice sent to a linked account there). */
  prefixOn(platform: string): string;
  /** "/" or "!": how usage lines are written on this gesture's platform. */
  prefix: string;
  /** The gesture's platform shows declared forms (a Slack modal). */
  forms: boolean;
  /** Only the asker sees an ephemeral reply on the gesture's platform (ChatAdapter.privateReplies). */
  privateReplies: boolean;
  asker: Asker;
  /** Messages sent once the transaction commits. */
  out: Outgoing;
  renderAnnouncement: RenderAnnouncement;
  /** Work to do once the transaction has committed (refreshing announcements reads what it wrote). */
  afterCommit(work: () => void): void;
  /** The announcements of this meetup are out of date. */
  changed(meetupId: number): void;
  /** Who a piece of text names on the gesture's platform, if anyone. */
  mention(text: string): PersonRef | undefined;
  /** Erases what the platform remembers about a member (forget-me), inside the transaction. */
  forgetPlatformState(member: MemberRecord): Promise<void>;
  /** For digests posted now from a command. */
  delivery: DeliveryContext;
}
