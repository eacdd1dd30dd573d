import { formsOf, LANGUAGES, prefixForms, queryWords, wordsOf } from './search-text.ts';

/** A piece of a tip's text: the words that matched the query have `match`. Plain text: renderers escape it. */
export interface ExcerptPiece {
  text: string;
  match: boolean;
}
export type Excerpt = ExcerptPiece[];

/** Characters of context shown before the first matched word. */
const LEAD = 40;
const ELLIPSIS = '…';

/**
 * The part of `text` around the words that match `query` (as search matches them: same forms,
 * same prefixes), with those words marked; the text's start when only the title, tags or author
 * matched. About `length` characters, cut at word boundaries, "…" where text was left out.
 */
export function excerpt(text: string, query: string, length = 160): Excerpt {
  const source = text.normalize('NFC');
  const wanted = queryWords(query);
  const exact = new Set(wanted.flatMap(({ stems }) => stems));
  const last = wanted.at(-1);
  const prefixes = last ? prefixForms(last).filter((form) => form.length > 1) : [];
  const matches = (word: string) => formsOf(word, LANGUAGES).some((form) => exact.has(form) || prefixes.some((prefix) => form.startsWith(prefix)));
  const words = wordsOf(source);
  const matched = words.filter((word) => matches(word.text));

  // The window: from a word start about LEAD characters before the first match (earlier when the
  // text ends sooner: a short text is shown whole), to the end of the last word that fits.
  const first = matched[0]?.index ?? 0;
  const from = Math.min(first - LEAD, source.length - length);
  const start = from <= 0 ? 0 : (words.find((word) => word.index >= from)?.index ?? first);
  const limit = start + length;
  const fitting = words.filter((word) => word.index >= start && word.index + word.length <= limit).at(-1);
  const finish = limit >= source.length ? source.length : fitting ? fitting.index + fitting.length : limit;

  const pieces: Excerpt = [];
  const push = (piece: string, match: boolean) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (!clean) return;
    const previous = pieces.at(-1);
    if (previous && previous.match === match) previous.text += clean;
    else pieces.push({ text: clean, match });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const word of matched) {
    if (word.index < start || word.index + word.length > finish) continue;
    push(source.slice(at, word.index), false);
    push(source.slice(word.index, word.index + word.length), true);
    at = word.index + word.length;
  }
  push(source.slice(at, finish), false);
  if (finish < source.length) push(ELLIPSIS, false);
  return pieces;
}
