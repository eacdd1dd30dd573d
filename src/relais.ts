import type { ChannelRef, Conversation, UserRef } from './core/adapter.ts';
import type { Reply } from './core/card.ts';
import { RelaisError } from './core/errors.ts';
import type { CommandRegistry } from './commands/registry.ts';
import { toRelaisError } from './commands/to-relais-error.ts';
import { isUniqueViolation } from './db/errors.ts';
import { ensureChannel, ensureMember, type ChannelRecord } from './domain/directory.ts';
import { AnnouncedMeetups } from './domain/meetups/announced.ts';
import { answerConfirmation, answerMeetup } from './domain/meetups/answer.ts';
import { checkDraft, type DraftErrors, type MeetupDraft } from './domain/meetups/draft.ts';
import { createMeetup } from './domain/meetups/service.ts';
import { rsvpEmoji } from './domain/meetups/view.ts';
import type { RsvpStatus } from './domain/meetups/rsvp.ts';
import { requirePermission } from './domain/permissions.ts';
import { addTip, voteTip } from './domain/tips/service.ts';
import { isLocale, translator } from './i18n/translate.ts';
import type { Services } from './services.ts';

/** A message someone reacted to, fetched by the adapter only when the core needs it. */
export interface ReactedMessage {
  text: string;
  author: UserRef;
  permalink?: string;
}

export interface ReactionEvent {
  messageId: string;
  /** The emoji as a Unicode character (adapters translate platform names such as "white_check_mark"). */
  emoji: string;
  added: boolean;
  loadMessage: () => Promise<ReactedMessage | undefined>;
}

const statusOfEmoji = new Map<string, RsvpStatus>(Object.entries(rsvpEmoji).map(([status, emoji]) => [emoji, status as RsvpStatus]));

/**
 * The platform-neutral entry points adapters call: commands, button clicks, reactions and tip
 * capture. Every path answers with cards, and every failure with a localized card.
 */
export class Relais {
  private readonly announced: AnnouncedMeetups;

  constructor(readonly services: Services, readonly registry: CommandRegistry) {
    this.announced = new AnnouncedMeetups(services.db);
  }

  command(conversation: Conversation, command: string, text: string, prefix: string): Promise<Reply[]> {
    return this.registry.dispatch(this.services, { conversation, command, text, prefix });
  }

  /** A button click from a card: actionId and value as the card declared them. */
  async action(conversation: Conversation, actionId: string, value: string): Promise<Reply[]> {
    return this.guard(conversation, async (channel) => {
      const member = await ensureMember(this.services.db, conversation.user);
      const id = Number(value);
      const rsvp = /^meetup\.rsvp\.(going|maybe|declined)$/.exec(actionId)?.[1] as RsvpStatus | undefined;
      if (rsvp) {
        const outcome = await answerMeetup(this.services, member, id, rsvp, 'button');
        return [{ visibility: 'ephemeral', card: answerConfirmation(outcome, id, channel.locale) }];
      }
      if (actionId === 'tip.vote') {
        const counted = await voteTip(this.services.db, id, member.id);
        const t = translator(channel.locale);
        return [{ visibility: 'ephemeral', card: { locale: channel.locale, tone: 'success', body: [[t(counted ? 'tips.voted' : 'tips.alreadyVoted', { id })]] } }];
      }
      throw new RelaisError('usage', 'errors.unknownAction', {}, `unknown action ${actionId}`);
    });
  }

  /**
   * A reaction added or removed. On an announcement, ✅ 🤔 ❌ answer the meetup (removing the
   * reaction withdraws that answer only); the tip emoji on any message saves it as a tip.
   */
  async reaction(conversation: Conversation, event: ReactionEvent): Promise<Reply[]> {
    return this.guard(conversation, async (channel) => {
      const { db, config } = this.services;
      const status = statusOfEmoji.get(event.emoji);
      if (status) {
        const meetupId = await this.announced.meetupOf(channel.id, event.messageId);
        if (meetupId === undefined) return [];
        const member = await ensureMember(db, conversation.user);
        if (!event.added) {
          const current = await db.rsvp.findUnique({ where: { meetupId_memberId: { meetupId, memberId: member.id } } });
          if (current?.status !== status) return [];
        }
        const outcome = await answerMeetup(this.services, member, meetupId, event.added ? status : null, 'reaction');
        return outcome.changed ? [{ visibility: 'ephemeral', card: answerConfirmation(outcome, meetupId, channel.locale) }] : [];
      }
      if (event.added && event.emoji === config.RELAIS_TIP_EMOJI) {
        const message = await event.loadMessage();
        return message ? [await this.saveTip(channel, message)] : [];
      }
      return [];
    });
  }

  /** "Save as tip" on a message (Slack shortcut, reaction): the author is the message's author. */
  async captureTip(conversation: Conversation, message: ReactedMessage): Promise<Reply[]> {
    return this.guard(conversation, (channel) => this.saveTip(channel, message).then((reply) => [reply]));
  }

  private async saveTip(channel: ChannelRecord, message: ReactedMessage): Promise<Reply> {
    const t = translator(channel.locale);
    if (message.text.trim().length < 3) throw new RelaisError('invalid_argument', 'tips.errors.emptyMessage');
    const author = await ensureMember(this.services.db, message.author);
    if (message.permalink) {
      const already = await this.services.db.tip.findFirst({ where: { permalink: message.permalink, status: 'published' } });
      if (already) return { visibility: 'ephemeral', card: { locale: channel.locale, tone: 'info', body: [[t('tips.alreadySaved', { id: already.id })]] } };
    }
    const tip = await addTip(this.services.db, {
      text: message.text,
      author,
      channelId: channel.id,
      networkId: channel.networkId,
      permalink: message.permalink ?? null,
      createdAt: this.services.clock.now(),
    });
    return { visibility: 'ephemeral', card: { locale: channel.locale, tone: 'success', body: [[t('tips.captured', { id: tip.id, author: author.displayName })]] } };
  }

  /**
   * A meetup from a form (Slack's modal) rather than a command line: field errors to show beside
   * the fields, or, once created by an organizer and announced in each chosen channel, the replies.
   * A channel where the announcement fails gets its own error reply; the others still get theirs.
   */
  async createMeetupFromDraft(conversation: Conversation, draft: MeetupDraft, announceIn: ChannelRef[]): Promise<{ errors: DraftErrors } | { replies: Reply[] }> {
    let errors: DraftErrors | undefined;
    const replies = await this.guard(conversation, async (channel) => {
      const { services } = this;
      const { db, config, clock, announcer, logger } = services;
      const checked = checkDraft(draft, { now: clock.now(), locale: channel.locale });
      if (!checked.ok) {
        errors = checked.errors;
        return [];
      }
      const member = await ensureMember(db, conversation.user);
      const locale = isLocale(channel.locale) ? channel.locale : config.RELAIS_LOCALE;
      const t = translator(locale);
      await requirePermission({ services, conversation, channel, member }, 'organizer');
      const meetup = await createMeetup(db, { ...checked.meetup, organizerId: member.id, networkId: channel.networkId, channelId: channel.id });
      const replies: Reply[] = [{ visibility: 'ephemeral', card: { locale, tone: 'success', body: [[t('meetups.created', { id: meetup.id })]] } }];
      for (const ref of announceIn) {
        try {
          await announcer.announce(meetup.id, await ensureChannel(db, ref, { locale: config.RELAIS_LOCALE, timezone: config.RELAIS_TIMEZONE }));
        } catch (error) {
          const failure = toRelaisError(error, logger, { platform: ref.platform, channel: ref.externalId, meetupId: meetup.id });
          replies.push({ visibility: 'ephemeral', card: { locale, tone: 'error', body: [[`${ref.name ?? ref.externalId} — ${t(failure.userMessage, failure.params)}`]] } });
        }
      }
      return replies;
    });
    return errors ? { errors } : { replies };
  }

  /** What to say when the database is down and even the channel's language cannot be read. */
  unavailableReply(): Reply {
    const locale = this.services.config.RELAIS_LOCALE;
    return { visibility: 'ephemeral', card: { locale, tone: 'error', body: [[translator(locale)('errors.unavailable')]] } };
  }

  /**
   * Records that a platform event was handled; false when it already was (a redelivery, a replay,
   * or another process). The unique key makes this hold across restarts and processes.
   */
  async firstDelivery(key: string): Promise<boolean> {
    try {
      await this.services.db.processedEvent.create({ data: { key } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  private async guard(conversation: Conversation, work: (channel: ChannelRecord) => Promise<Reply[]>): Promise<Reply[]> {
    const { config, db, logger } = this.services;
    let locale: string = config.RELAIS_LOCALE;
    try {
      const channel = await ensureChannel(db, conversation.channel, { locale: config.RELAIS_LOCALE, timezone: config.RELAIS_TIMEZONE });
      if (isLocale(channel.locale)) locale = channel.locale;
      return await work(channel);
    } catch (error) {
      const relaisError = toRelaisError(error, logger, { platform: conversation.channel.platform });
      return [{ visibility: 'ephemeral', card: { locale, tone: 'error', body: [[translator(locale)(relaisError.userMessage, relaisError.params)]] } }];
    }
  }
}
