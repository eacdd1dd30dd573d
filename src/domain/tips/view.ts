import type { Card, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { truncate } from '../../core/text.ts';
import type { TipView } from './service.ts';

export function tipLine(tip: TipView, t: Translate): Rich {
  const origin = tip.network ? ` · ${tip.network.name}` : '';
  return [{ strong: `#${tip.id}` }, ` ${truncate(tip.title, 80, { atWord: true })} — ${tip.author.displayName}${origin} · ${t('tips.votes', { count: tip.voteCount })}`];
}

export function tipListCard(title: string, tips: TipView[], t: Translate, locale: string, emptyText: string): Card {
  return {
    locale,
    header: [title],
    ...(tips.length ? { items: tips.map((tip) => tipLine(tip, t)) } : { body: [[emptyText]] }),
  };
}
