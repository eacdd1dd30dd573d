import { z } from 'zod';
import { addTip, editTip, getTip, hideTip, latestTips, searchTips, topTips, voteTip } from '../../domain/tips/service.ts';
import { lookedUpTag } from '../../domain/tips/tags.ts';
import { tipListCard } from '../../domain/tips/view.ts';
import { readersIn } from '../../domain/tips/visibility.ts';
import { tipCard } from '../cards.ts';
import { idArg, idOnly, queryArg, tagArg, textArg } from '../arguments.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { confirmation } from '../replies.ts';
import { curationSubcommands } from './tip-curation.ts';
import { tipRendering } from './tip-rendering.ts';

const LIST_SIZE = 10;

export const tipCommand = defineCommand({
  name: 'tip',
  help: 'tips.help.command',
  fallback: 'add',
  subcommands: [
    subcommand({
      name: 'add',
      args: [{ name: 'text', kind: 'rest', label: 'args.tipText' }],
      schema: z.object({ text: textArg }),
      permission: 'anyone',
      help: 'tips.help.add',
      async run({ text }, ctx) {
        const tip = await addTip(ctx.db, {
          text,
          author: ctx.member,
          channelId: ctx.channel.id,
          networkId: ctx.channel.networkId,
          createdAt: ctx.clock.now(),
        });
        return confirmation(ctx, ctx.t('tips.saved', { id: tip.id, tags: tip.tags.map(({ label }) => `#${label}`).join(' ') || '—' }));
      },
    }),
    subcommand({
      name: 'search',
      aliases: ['find', 'cherche', 'chercher'],
      args: [{ name: 'query', kind: 'rest', label: 'args.query' }],
      schema: z.object({ query: queryArg }),
      permission: 'anyone',
      help: 'tips.help.search',
      async run({ query }, ctx) {
        const tips = await searchTips(ctx.db, ctx.engine, query, { limit: LIST_SIZE, readers: readersIn(ctx.channel), now: ctx.clock.now() });
        return {
          visibility: 'ephemeral',
          card: tipListCard(ctx.t('tips.searchTitle', { query }), tips, tipRendering(ctx), ctx.t('tips.noResults', { query })),
        };
      },
    }),
    subcommand({
      name: 'list',
      args: [{ name: 'tag', kind: 'word', optional: true, label: 'args.tag' }],
      schema: z.object({ tag: tagArg.optional() }),
      permission: 'anyone',
      help: 'tips.help.list',
      async run({ tag }, ctx) {
        const shown = tag ? await lookedUpTag(ctx.db, tag) : undefined;
        const tips = await latestTips(ctx.db, { limit: LIST_SIZE, readers: readersIn(ctx.channel), ...(shown ? { tag: shown.tag } : {}) });
        const title = shown ? ctx.t('tips.listTagTitle', { tag: shown.label }) : ctx.t('tips.listTitle');
        return { visibility: 'ephemeral', card: tipListCard(title, tips, tipRendering(ctx), ctx.t('tips.empty')) };
      },
    }),
    subcommand({
      name: 'top',
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'tips.help.top',
      async run(_args, ctx) {
        const tips = await topTips(ctx.db, { limit: LIST_SIZE, readers: readersIn(ctx.channel) });
        return { visibility: 'ephemeral', card: tipListCard(ctx.t('tips.topTitle'), tips, tipRendering(ctx), ctx.t('curation.noVotes')) };
      },
    }),
    subcommand({
      name: 'show',
      ...idOnly,
      permission: 'anyone',
      help: 'tips.help.show',
      async run({ id }, ctx) {
        const tip = await getTip(ctx.db, id, readersIn(ctx.channel));
        return { visibility: 'ephemeral', card: tipCard(tip, { ...tipRendering(ctx), prefix: ctx.prefix, askedId: id }) };
      },
    }),
    subcommand({
      name: 'edit',
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'text', kind: 'rest', label: 'args.tipText' },
      ],
      schema: z.object({ id: idArg, text: textArg }),
      permission: 'owner',
      target: 'tip',
      help: 'tips.help.edit',
      async run({ id, text }, ctx) {
        await editTip(ctx.db, id, text);
        return confirmation(ctx, ctx.t('tips.edited', { id }));
      },
    }),
    subcommand({
      name: 'delete',
      // The author of a message someone else saved is told to withdraw it so.
      aliases: ['remove', 'supprimer', 'withdraw', 'retirer'],
      ...idOnly,
      permission: 'owner',
      target: 'tip',
      help: 'tips.help.delete',
      async run({ id }, ctx) {
        await hideTip(ctx.db, id, ctx.clock.now());
        return confirmation(ctx, ctx.t('tips.deleted', { id }));
      },
    }),
    subcommand({
      name: 'vote',
      ...idOnly,
      permission: 'anyone',
      help: 'tips.help.vote',
      async run({ id }, ctx) {
        const vote = await voteTip(ctx.db, id, ctx.member.id, readersIn(ctx.channel));
        return confirmation(ctx, ctx.t(vote.counted ? 'tips.voted' : 'tips.alreadyVoted', { id: vote.tipId }));
      },
    }),
    ...curationSubcommands,
  ],
});
