import type { Card, Inline, Rich } from './card.ts';
import { formatInstant } from './dates.ts';

import { withoutDeceptiveCharacters as clean } from './inert-text.ts';

function inline(piece: Inline, locale: string): string {
  if (typeof piece === 'string') return clean(piece);
  if ('strong' in piece) return clean(piece.strong);
  if ('code' in piece) return clean(piece.code);
  if ('link' in piece) return piece.label ? `${clean(piece.label)} <${clean(piece.link)}>` : clean(piece.link);
  return formatInstant(piece.date, piece.timeZone, locale);
}

export const plainRich = (rich: Rich, locale: string) => rich.map((piece) => inline(piece, locale)).join('');

/** "Auteur : …" in French, "Author: …" in English: French typography puts a space before a colon. */
export const labelColon = (locale: string) => (locale.startsWith('fr') ? ' : ' : ': ');

/**
 * The plain-text fallback of a card (notifications, Matrix `body`, the console): the same content
 * without markup. Buttons are listed by label; `buttonPrefix` lets the console number them.
 */
export function plainText(card: Card, buttonPrefix: (index: number) => string = () => '· '): string {
  const { locale } = card;
  const lines: string[] = [];
  if (card.header) lines.push(plainRich(card.header, locale));
  for (const paragraph of card.body ?? []) lines.push(plainRich(paragraph, locale));
  for (const field of card.fields ?? []) lines.push(`${clean(field.label)}${labelColon(locale)}${plainRich(field.value, locale)}`);
  for (const item of card.items ?? []) lines.push(`• ${plainRich(item, locale)}`);
  if (card.buttons?.length) lines.push(card.buttons.map((button, index) => `${buttonPrefix(index)}${clean(button.label)}`).join('   '));
  if (card.footer) lines.push(plainRich(card.footer, locale));
  return lines.join('\n');
}
