import { z } from 'zod';
import { atLeast, forbidden, standingIn } from '../../domain/permissions.ts';
import { flagTip, MAX_FLAG_REASON, moderationQueue, publishTip, queueScopeOf, reviewInterval, verifyTip } from '../../domain/tips/curation.ts';
import { getTip, refuseMerged } from '../../domain/tips/service.ts';
import { mergeTags } from '../../domain/tips/tag-merge.ts';
import { tagOf } from '../../domain/tips/tags.ts';
import { mergeTips } from '../../domain/tips/tip-merge.ts';
import { dayOf, queueCard } from '../../domain/tips/view.ts';
import { readersIn } from '../../domain/tips/visibility.ts';
import { idArg, idOnly, tagArg } from '../arguments.ts';
import type { InteractionContext } from '../context.ts';
import { subcommand, type SubcommandDecl } from '../declare.ts';
import { confirmation } from '../replies.ts';
import { tipRendering } from './tip-rendering.ts';

const QUEUE_SIZE = 10;

const intervalArg = z.string().max(40, 'validation.tooLong');
const reasonArg = z.string().min(3, 'validation.tooShort').max(MAX_FLAG_REASON, 'validation.tooLong');

async function queueReply(ctx: InteractionContext) {
  const queue = await moderationQueue(ctx.db, { scope: queueScopeOf(ctx.channel), readers: readersIn(ctx.channel), now: ctx.clock.now(), limit: QUEUE_SIZE });
  return { visibility: 'ephemeral' as const, card: queueCard(queue, { ...tipRendering(ctx), prefix: ctx.prefix }) };
}

/** Curation: moderators verify, merge, publish and work the queue; anyone flags. */
export const curationSubcommands: SubcommandDecl[] = [
  subcommand({
    name: 'verify',
    aliases: ['verifier', 'vérifier'],
    args: [
      { name: 'id', kind: 'word', optional: true, label: 'args.id' },
      { name: 'interval', kind: 'rest', optional: true, label: 'curation.args.interval' },
    ],
    schema: z.object({ id: idArg.optional(), interval: intervalArg.optional() }),
    permission: 'moderator',
    target: 'tip',
    help: 'curation.help.verify',
    async run({ id, interval }, ctx) {
      if (id === undefined) return queueReply(ctx);
      const tip = await verifyTip(ctx.db, id, ctx.member, ctx.clock.now(), interval ? reviewInterval(interval) : undefined);
      return confirmation(ctx, ctx.t('curation.verified', { id, date: dayOf(tip.reviewAt!, ctx) }));
    },
  }),
  subcommand({
    name: 'flag',
    aliases: ['signaler'],
    args: [
      { name: 'id', kind: 'word', label: 'args.id' },
      { name: 'reason', kind: 'rest', label: 'curation.args.reason' },
    ],
    schema: z.object({ id: idArg, reason: reasonArg }),
    permission: 'anyone',
    help: 'curation.help.flag',
    async run({ id, reason }, ctx) {
      const tip = await flagTip(ctx.db, id, ctx.member, reason, ctx.clock.now(), readersIn(ctx.channel));
      return confirmation(ctx, ctx.t('curation.flagged', { id: tip.id }));
    },
  }),
  subcommand({
    name: 'merge',
    aliases: ['fusionner'],
    args: [
      { name: 'id', kind: 'word', label: 'args.id' },
      { name: 'into', kind: 'word', label: 'curation.args.into' },
    ],
    schema: z.object({ id: idArg, into: idArg }),
    permission: 'moderator',
    target: 'tip',
    help: 'curation.help.merge',
    async run({ id, into }, ctx) {
      // The tip that stays must be one the moderator sees and moderates too.
      await refuseMerged(ctx.db, into);
      const kept = await getTip(ctx.db, into, readersIn(ctx.channel));
      if (!atLeast(await standingIn(ctx.asker, kept.networkId ?? ctx.channel.networkId), 'moderator')) throw forbidden('moderator');
      await mergeTips(ctx.db, id, kept.id, ctx.clock.now());
      return confirmation(ctx, ctx.t('curation.merged', { from: id, into: kept.id }));
    },
  }),
  subcommand({
    name: 'queue',
    aliases: ['file', 'moderation', 'modération'],
    args: [],
    schema: z.object({}),
    permission: 'moderator',
    help: 'curation.help.queue',
    run: (_args, ctx) => queueReply(ctx),
  }),
  subcommand({
    name: 'publish',
    aliases: ['publier'],
    ...idOnly,
    permission: 'moderator',
    target: 'tip',
    help: 'curation.help.publish',
    async run({ id }, ctx) {
      await publishTip(ctx.db, id);
      return confirmation(ctx, ctx.t('curation.published', { id }));
    },
  }),
  subcommand({
    name: 'tag',
    aliases: ['etiquette', 'étiquette'],
    args: [
      { name: 'action', kind: 'word', label: 'curation.args.tagAction' },
      { name: 'from', kind: 'word', label: 'curation.args.fromTag' },
      { name: 'into', kind: 'word', label: 'curation.args.intoTag' },
    ],
    schema: z.object({ action: z.enum(['merge', 'fusionner'], 'curation.validation.tagAction'), from: tagArg, into: tagArg }),
    permission: 'moderator',
    help: 'curation.help.tag',
    async run({ from, into }, ctx) {
      const merge = await mergeTags(ctx.db, from, into);
      const written = tagOf(from);
      const key = merge.into.tag === written.tag ? 'tags.relabelled' : 'tags.merged';
      return confirmation(ctx, ctx.t(key, { from: written.label, into: merge.into.label, count: merge.tipIds.length }));
    },
  }),
];
