import type { Reply } from '../core/card.ts';
import { RelaisError } from '../core/errors.ts';
import { announce } from '../domain/meetups/announce.ts';
import { getMeetup } from '../domain/meetups/service.ts';
import type { InteractionContext } from './context.ts';
import { confirmation } from './replies.ts';

/**
 * `/meetup announce <n°>` in this channel. Into a channel of another network it is a relay: only
 * of a meetup still ahead and not reserved to its network's members; its card then says which
 * network organizes it. Answers from every copy count in the one meetup.
 */
export async function announceHere(ctx: InteractionContext, id: number): Promise<Reply> {
  const meetup = await getMeetup(ctx.db, id);
  const network = meetup.network;
  const relayed = network !== null && network.id !== ctx.channel.networkId;
  if (relayed && meetup.membersOnly) throw new RelaisError('forbidden', 'relay.errors.membersOnly', { id, network: network.name });
  if (relayed && meetup.startsAt <= ctx.clock.now()) throw new RelaisError('conflict', 'meetups.errors.started', { id });
  await announce(ctx.db, ctx.out, ctx.renderAnnouncement, id, ctx.channel);
  return confirmation(ctx, relayed ? ctx.t('relay.relayed', { id, network: network.name }) : ctx.t('meetups.announced', { id }));
}
