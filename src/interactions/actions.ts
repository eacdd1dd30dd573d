import { answerConfirmation, answerMeetup } from '../domain/meetups/answer.ts';
import { rsvpStatuses, type RsvpStatus } from '../domain/meetups/rsvp.ts';
import { getMeetup } from '../domain/meetups/service.ts';
import { voteTip } from '../domain/tips/service.ts';
import { readersIn } from '../domain/tips/visibility.ts';
import { idValue } from './arguments.ts';
import { action, type ActionDecl } from './declare.ts';
import { editAnswer } from './forms/edit-form.ts';
import { discardDraft, publishDraft } from './meetup-drafts.ts';
import { applyCancel } from './meetup-cancel.ts';
import type { Scope } from './series-scope.ts';
import { confirmation } from './replies.ts';

/** Answers a meetup from its announcement's buttons: one declared action per answer. */
function rsvpAction(status: RsvpStatus): ActionDecl {
  return action({
    id: `meetup.rsvp.${status}`,
    schema: idValue,
    permission: 'anyone',
    async run({ id }, ctx) {
      const outcome = await answerMeetup(ctx, ctx.member, id, status, 'button');
      if (outcome.changed) ctx.changed(id);
      return { visibility: 'ephemeral', card: answerConfirmation(outcome, id, ctx.locale) };
    },
  });
}

export const rsvpActions = Object.fromEntries(rsvpStatuses.map((status) => [status, rsvpAction(status)])) as Record<RsvpStatus, ActionDecl>;

/** The buttons of a meetup's preview (src/interactions/cards.ts previewCard): its organizer's, or a moderator's. */
export const draftActions = {
  publish: action({ id: 'meetup.publish', schema: idValue, permission: 'owner', target: 'meetup', run: ({ id }, ctx) => publishDraft(ctx, id) }),
  change: action({
    id: 'meetup.change',
    schema: idValue,
    permission: 'owner',
    target: 'meetup',
    run: async ({ id }, ctx) => editAnswer(ctx, await getMeetup(ctx.db, id)),
  }),
  discard: action({ id: 'meetup.discard', schema: idValue, permission: 'owner', target: 'meetup', run: ({ id }, ctx) => discardDraft(ctx, id) }),
};

/** The answers to "which dates?" when a date of a series is cancelled (src/interactions/meetup-edit.ts cancelQuestion). */
export const cancelScopeActions: Record<Scope, ActionDecl> = {
  one: action({ id: 'meetup.cancel.one', schema: idValue, permission: 'owner', target: 'meetup', run: async ({ id }, ctx) => applyCancel(ctx, await getMeetup(ctx.db, id), 'one') }),
  following: action({ id: 'meetup.cancel.following', schema: idValue, permission: 'owner', target: 'meetup', run: async ({ id }, ctx) => applyCancel(ctx, await getMeetup(ctx.db, id), 'following') }),
};

export const tipVoteAction = action({
  id: 'tip.vote',
  schema: idValue,
  permission: 'anyone',
  async run({ id }, ctx) {
    const vote = await voteTip(ctx.db, id, ctx.member.id, readersIn(ctx.channel));
    return confirmation(ctx, ctx.t(vote.counted ? 'tips.voted' : 'tips.alreadyVoted', { id: vote.tipId }));
  },
});

/** Every button Relais shows. */
export const actions: ActionDecl[] = [...Object.values(rsvpActions), ...Object.values(draftActions), ...Object.values(cancelScopeActions), tipVoteAction];
