import { z } from 'zod';
import { addTip, editTip, getTip, hideTip, latestTips, searchTips, topTips, voteTip } from '../../domain/tips/service.ts';
import { normaliseTag } from '../../domain/tips/tags.ts';
import { tipListCard } from '../../domain/tips/view.ts';
import { tipCard } from '../cards.ts';
import { idArg, idOnly, queryArg, tagArg, textArg } from '../arguments.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { confirmation } from '../replies.ts';

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
        return confirmation(ctx, ctx.t('tips.saved', { id: tip.id, tags: tip.tags.map(({ tag }) => `#${tag}`).join(' ') || '—' }));
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
        const tips = await searchTips(ctx.db, ctx.engine, query, { limit: LIST_SIZE });
        return {
          visibility: 'ephemeral',
          card: tipListCard(ctx.t('tips.searchTitle', { query }), tips, ctx.t, ctx.locale, ctx.t('tips.noResults', { query })),
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
        const folded = tag ? normaliseTag(tag) : undefined;
        const tips = await latestTips(ctx.db, { limit: LIST_SIZE, ...(folded ? { tag: folded } : {}) });
        const title = folded ? ctx.t('tips.listTagTitle', { tag: folded }) : ctx.t('tips.listTitle');
        return { visibility: 'ephemeral', card: tipListCard(title, tips, ctx.t, ctx.locale, ctx.t('tips.empty')) };
      },
    }),
    subcommand({
      name: 'top',
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'tips.help.top',
      async run(_args, ctx) {
        const tips = await topTips(ctx.db, LIST_SIZE);
        return { visibility: 'ephemeral', card: tipListCard(ctx.t('tips.topTitle'), tips, ctx.t, ctx.locale, ctx.t('tips.empty')) };
      },
    }),
    subcommand({
      name: 'show',
      ...idOnly,
      permission: 'anyone',
      help: 'tips.help.show',
      async run({ id }, ctx) {
        const tip = await getTip(ctx.db, id);
        return { visibility: 'ephemeral', card: tipCard(tip, ctx.t, ctx.locale, ctx.timeZone) };
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
      aliases: ['remove', 'supprimer'],
      ...idOnly,
      permission: 'owner',
      target: 'tip',
      help: 'tips.help.delete',
      async run({ id }, ctx) {
        await hideTip(ctx.db, id);
        return confirmation(ctx, ctx.t('tips.deleted', { id }));
      },
    }),
    subcommand({
      name: 'vote',
      ...idOnly,
      permission: 'anyone',
      help: 'tips.help.vote',
      async run({ id }, ctx) {
        const counted = await voteTip(ctx.db, id, ctx.member.id);
        return confirmation(ctx, ctx.t(counted ? 'tips.voted' : 'tips.alreadyVoted', { id }));
      },
    }),
  ],
});
