import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { follow, followedBy, unfollow } from '../../domain/meetups/follow.ts';
import { findNetwork, slugPattern } from '../../domain/networks/service.ts';
import type { InteractionContext } from '../context.ts';
import { subcommand } from '../declare.ts';
import { confirmation } from '../replies.ts';

const slugOnly = {
  args: [{ name: 'slug', kind: 'word' as const, label: 'args.slug' as const }],
  schema: z.object({ slug: z.string().transform((value) => value.toLowerCase()).pipe(z.string().regex(slugPattern, 'validation.slug')) }),
};

async function networkNamed(ctx: InteractionContext, slug: string) {
  const network = await findNetwork(ctx.db, slug);
  if (!network) throw notFound('network', slug);
  return network;
}

/** `/relais follow|unfollow|following`: a channel's own choice of the networks whose meetups it shows. */
export const followSubcommands = [
  subcommand({
    name: 'follow',
    aliases: ['suivre'],
    ...slugOnly,
    permission: 'channel',
    help: 'relay.help.follow',
    async run({ slug }, ctx) {
      const network = await networkNamed(ctx, slug);
      const added = await follow(ctx.db, ctx.channel.id, network.id);
      return confirmation(ctx, ctx.t(added ? 'relay.followed' : 'relay.alreadyFollowed', { network: network.name }));
    },
  }),
  subcommand({
    name: 'unfollow',
    aliases: ['nepassuivre', 'ne-plus-suivre'],
    ...slugOnly,
    permission: 'channel',
    help: 'relay.help.unfollow',
    async run({ slug }, ctx) {
      const network = await networkNamed(ctx, slug);
      const removed = await unfollow(ctx.db, ctx.channel.id, network.id);
      return confirmation(ctx, ctx.t(removed ? 'relay.unfollowed' : 'relay.notFollowed', { network: network.name }));
    },
  }),
  subcommand({
    name: 'following',
    aliases: ['suivis'],
    args: [],
    schema: z.object({}),
    permission: 'anyone',
    help: 'relay.help.following',
    async run(_args, ctx) {
      const networks = await followedBy(ctx.db, ctx.channel.id);
      const text = networks.length ? ctx.t('relay.following', { networks: networks.map((network) => `${network.name} (${network.slug})`).join(', ') }) : ctx.t('relay.followingNone');
      return { visibility: 'ephemeral', card: { locale: ctx.locale, body: [[text]] } };
    },
  }),
];
