/** Lower case without accents: "Émile Zola" → "emile zola". Used for search and tags in both languages. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
