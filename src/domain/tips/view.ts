import type { Card, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { truncate } from '../../core/text.ts';
import type { Excerpt } from './search-excerpt.ts';
import type { SearchHit, TipView } from './service.ts';

/** An excerpt for chat: matched words in bold. */
export function excerptRich(excerpt: Excerpt): Rich {
  return excerpt.map((piece) => (piece.match ? { strong: piece.text } : piece.text));
}

/** One tip in a list; a search result shows its excerpt, matched words in bold, where others show the title. */
export function tipLine(tip: TipView | SearchHit, t: Translate): Rich {
  const origin = tip.network ? ` · ${tip.network.name}` : '';
  const what: Rich = 'excerpt' in tip ? excerptRich(tip.excerpt) : [truncate(tip.title, 80, { atWord: true })];
  return [{ strong: `#${tip.id}` }, ' ', ...what, ` — ${tip.author.displayName}${origin} · ${t('tips.votes', { count: tip.voteCount })}`];
}

export function tipListCard(title: string, tips: TipView[], t: Translate, locale: string, emptyText: string): Card {
  return {
    locale,
    header: [title],
    ...(tips.length ? { items: tips.map((tip) => tipLine(tip, t)) } : { body: [[emptyText]] }),
  };
}
