import type { Card } from '../../src/core/card.ts';
import { plainText } from '../../src/core/plain-text.ts';

/** A card in the terminal: the plain text, a bar before the header, buttons as numbered choices. */
export function renderCard(card: Card, firstChoice = 1): string {
  const text = plainText(card, (index) => `[${firstChoice + index}] `);
  return card.header ? `┃ ${text}` : text;
}
