import { DateTime } from 'luxon';
import type { Card, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { truncate } from '../../core/text.ts';
import { isVerified, type ModerationQueue, type QueuedTip } from './curation.ts';
import type { Excerpt } from './search-excerpt.ts';
import type { SearchHit, TipView } from './service.ts';

/** What a tip list needs to say: in whose language, when (a verification holds until its review date). */
export interface TipRenderOptions {
  t: Translate;
  locale: string;
  timeZone: string;
  now: Date;
}

/** A calendar day, in the reader's language and zone: review dates, verification dates. */
export const dayOf = (instant: Date, options: Pick<TipRenderOptions, 'locale' | 'timeZone'>) =>
  DateTime.fromJSDate(instant, { zone: options.timeZone }).setLocale(options.locale).toLocaleString(DateTime.DATE_FULL);

/** An excerpt for chat: matched words in bold. */
export function excerptRich(excerpt: Excerpt): Rich {
  return excerpt.map((piece) => (piece.match ? { strong: piece.text } : piece.text));
}

/** One tip in a list; a search result shows its excerpt, matched words in bold, where others show the title. Verified tips say so. */
export function tipLine(tip: TipView | SearchHit, options: TipRenderOptions): Rich {
  const { t } = options;
  const origin = tip.network ? ` · ${tip.network.name}` : '';
  const verified = isVerified(tip, options.now) ? [` ${t('curation.verifiedMark')}`] : [];
  const what: Rich = 'excerpt' in tip ? excerptRich(tip.excerpt) : [truncate(tip.title, 80, { atWord: true })];
  return [{ strong: `#${tip.id}` }, ...verified, ' ', ...what, ` — ${tip.author.displayName}${origin} · ${t('tips.votes', { count: tip.voteCount })}`];
}

export function tipListCard(title: string, tips: TipView[], options: TipRenderOptions, emptyText: string): Card {
  return {
    locale: options.locale,
    header: [title],
    ...(tips.length ? { items: tips.map((tip) => tipLine(tip, options)) } : { body: [[emptyText]] }),
  };
}

/** Why a tip waits in the moderation queue: its flags (who, why), its review date. */
export function queueLine(tip: QueuedTip, options: TipRenderOptions): Rich {
  const { t } = options;
  const reasons = tip.flags.map((flag) => t('curation.queue.reason', { name: flag.member.displayName, reason: truncate(flag.reason, 120, { atWord: true }) }));
  const flagged = tip.flags.length ? [` · ⚑ ${t('curation.queue.flagged', { count: tip.flags.length })} — ${reasons.join(' ; ')}`] : [];
  const due = tip.reviewAt && tip.reviewAt <= options.now ? [` · 🕓 ${t('curation.reviewDue', { date: dayOf(tip.reviewAt, options) })}`] : [];
  return [{ strong: `#${tip.id}` }, ` ${truncate(tip.title, 80, { atWord: true })}`, ...(tip.network ? [` · ${tip.network.name}`] : []), ...due, ...flagged];
}

/** The moderation queue as chat shows it (/tip queue): the first tips waiting, how many there are, what to do. */
export function queueCard(queue: ModerationQueue, options: TipRenderOptions & { prefix: string }): Card {
  const { t, prefix } = options;
  if (queue.total === 0) return { locale: options.locale, header: [t('curation.queue.title')], body: [[t('curation.queue.empty')]] };
  const more = queue.total - queue.tips.length;
  return {
    locale: options.locale,
    header: [t('curation.queue.title')],
    body: [[t('curation.queue.count', { count: queue.total })]],
    items: [...queue.tips.map((tip) => queueLine(tip, options)), ...(more > 0 ? [[t('curation.queue.more', { count: more })]] : [])],
    footer: [t('curation.queue.hint', { verify: `${prefix}tip verify <n°>`, merge: `${prefix}tip merge <n°> <n°>`, delete: `${prefix}tip delete <n°>` })],
  };
}
