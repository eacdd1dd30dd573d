import type { Card, Reply } from '../core/card.ts';
import type { CapturedMessage } from '../core/gesture.ts';
import { RelaisError } from '../core/errors.ts';
import { ensureMember } from '../domain/directory.ts';
import { addTip, type TipView } from '../domain/tips/service.ts';
import type { CaptureDecl, ReactionDecl } from './declare.ts';
import type { InteractionContext } from './context.ts';

/**
 * Keeps someone's message as a tip: its author is who wrote it, not who saved it. An author who
 * did not save it themselves is told privately — who saved it, where, and how to withdraw it.
 */
async function saveMessage(message: CapturedMessage, ctx: InteractionContext): Promise<Reply> {
  const { db, channel, t } = ctx;
  if (message.text.trim().length < 3) throw new RelaisError('invalid_argument', 'tips.errors.emptyMessage');
  const author = await ensureMember(db, message.author);
  if (message.permalink) {
    // A message saved before, and since merged into another tip, is that tip.
    const already = await db.tip.findFirst({ where: { permalink: message.permalink, status: { in: ['published', 'merged'] } } });
    if (already) {
      const id = already.mergedIntoId ?? already.id;
      return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'info', body: [[t('tips.alreadySaved', { id })]] } };
    }
  }
  const tip = await addTip(db, {
    text: message.text,
    author,
    channelId: channel.id,
    networkId: channel.networkId,
    permalink: message.permalink ?? null,
    createdAt: ctx.clock.now(),
  });
  if (author.id !== ctx.member.id) await ctx.out.direct(message.author, authorNotice(tip, ctx, message.permalink));
  return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'success', body: [[t('tips.captured', { id: tip.id, author: author.displayName })]] } };
}

function authorNotice(tip: TipView, ctx: InteractionContext, permalink: string | undefined): Card {
  const { t } = ctx;
  const where = ctx.channel.name ? `#${ctx.channel.name}` : t('curation.captured.aChannel');
  return {
    locale: ctx.locale,
    tone: 'info',
    body: [
      [t('curation.captured.notice', { channel: where, id: tip.id, saver: ctx.member.displayName })],
      ...(tip.restricted ? [[t('curation.captured.restricted')]] : []),
      [t('curation.captured.withdraw'), { code: `${ctx.prefix}tip withdraw ${tip.id}` }],
    ],
    ...(permalink ? { footer: [{ link: permalink, label: t('curation.captured.source') }] } : {}),
  };
}

/** The tip emoji (RELAIS_TIP_EMOJI) on any message keeps it. */
export const tipReaction: ReactionDecl = {
  id: 'tip.capture.reaction',
  emoji: (config) => [config.RELAIS_TIP_EMOJI],
  on: 'message',
  permission: 'anyone',
  async run({ message }, ctx) {
    return message ? saveMessage(message, ctx) : [];
  },
};

/** "Save as tip" on a message (Slack's message shortcut). */
export const tipCapture: CaptureDecl = {
  id: 'relais.tip.save',
  label: 'tips.capture.label',
  description: 'tips.capture.description',
  permission: 'anyone',
  run: saveMessage,
};
