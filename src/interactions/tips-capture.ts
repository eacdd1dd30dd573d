import type { Reply } from '../core/card.ts';
import type { CapturedMessage } from '../core/gesture.ts';
import { RelaisError } from '../core/errors.ts';
import { ensureMember } from '../domain/directory.ts';
import { addTip } from '../domain/tips/service.ts';
import type { CaptureDecl, ReactionDecl } from './declare.ts';
import type { InteractionContext } from './context.ts';

/** Keeps someone's message as a tip: its author is who wrote it, not who saved it. */
async function saveMessage(message: CapturedMessage, ctx: InteractionContext): Promise<Reply> {
  const { db, channel, t } = ctx;
  if (message.text.trim().length < 3) throw new RelaisError('invalid_argument', 'tips.errors.emptyMessage');
  const author = await ensureMember(db, message.author);
  if (message.permalink) {
    const already = await db.tip.findFirst({ where: { permalink: message.permalink, status: 'published' } });
    if (already) return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'info', body: [[t('tips.alreadySaved', { id: already.id })]] } };
  }
  const tip = await addTip(db, {
    text: message.text,
    author,
    channelId: channel.id,
    networkId: channel.networkId,
    permalink: message.permalink ?? null,
    createdAt: ctx.clock.now(),
  });
  return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'success', body: [[t('tips.captured', { id: tip.id, author: author.displayName })]] } };
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
