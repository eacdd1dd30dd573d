import { answerConfirmation, answerMeetup } from '../domain/meetups/answer.ts';
import { rsvpEmoji, type RsvpStatus } from '../domain/meetups/rsvp.ts';
import type { ReactionDecl } from './declare.ts';

const statusOfEmoji = new Map(Object.entries(rsvpEmoji).map(([status, emoji]) => [emoji, status as RsvpStatus]));

/**
 * ✅ 🤔 ❌ on an announcement answer the meetup; taking the reaction back withdraws that answer
 * only (not one given since by another way).
 */
export const rsvpReaction: ReactionDecl = {
  id: 'meetup.rsvp.reaction',
  emoji: () => Object.values(rsvpEmoji),
  on: 'announcement',
  removals: true,
  permission: 'anyone',
  async run({ emoji, added, meetupId }, ctx) {
    const status = statusOfEmoji.get(emoji);
    if (!status || meetupId === undefined) return [];
    if (!added) {
      const current = await ctx.db.rsvp.findUnique({ where: { meetupId_personId: { meetupId, personId: ctx.member.personId } } });
      if (current?.status !== status) return [];
    }
    const outcome = await answerMeetup(ctx, ctx.member, meetupId, added ? status : null, 'reaction');
    if (!outcome.changed) return [];
    ctx.changed(meetupId);
    return { visibility: 'ephemeral', card: answerConfirmation(outcome, meetupId, ctx.locale) };
  },
};
