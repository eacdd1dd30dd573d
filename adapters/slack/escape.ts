import { withoutDeceptiveCharacters } from '../../src/core/inert-text.ts';

/**
 * Making user text inert in Slack mrkdwn. No npm library does just this (the mrkdwn packages convert
 * Markdown/HTML *into* mrkdwn), so it is a few small, tested functions.
 *
 * Layers, cheapest first:
 * 1. `&`, `<`, `>` become entities: that alone kills `<!channel>`, `<@U…>`, `<!subteam^…>`, `<url|x>`,
 *    `<!date…>` — every Slack "control sequence" needs a raw `<`.
 * 2. Renderers put every mrkdwn object in `verbatim: true`, so Slack does not auto-link bare URLs,
 *    `#channel` names or `@here` typed as plain words (see render.ts).
 * 3. Formatting: `* _ ~ \`` only format at word boundaries, and zero-width spaces next to them *force*
 *    formatting mid-word (jsx-slack's "exact mode" relies on that). We drop those invisibles, then turn
 *    each delimiter that sits at a boundary into `<!date^00000000^{_}|*>`: a date token with an invalid
 *    format, which Slack always shows as its fallback, verbatim (jsx-slack's <Escape> trick). Intra-word
 *    ones (snake_case, a*b) stay as typed because Slack ignores them.
 * 4. A `>` starting a line still quotes, even as `&gt;`: a soft hyphen (invisible) in front defuses it.
 */

/** Zero-width characters with no business in chat text; they can force mrkdwn formatting mid-word. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u180E]/g;
/** Joiners are legitimate (emoji sequences, Persian), but not glued to a mrkdwn delimiter. */
const JOINER_NEAR_DELIMITER = /[\u200C\u200D]+(?=[*_~`])|(?<=[*_~`])[\u200C\u200D]+/g;

const DELIMITER = /[*_~`]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Removes invisible characters that can spoof text or force formatting. */
export function stripInvisible(text: string): string {
  return withoutDeceptiveCharacters(text).replace(INVISIBLE, '').replace(JOINER_NEAR_DELIMITER, '');
}

/** The three characters Slack reserves, as entities. Enough for `text` fallbacks and URLs. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A delimiter Slack will show literally, whatever surrounds it. */
export function literalDelimiter(ch: string): string {
  return `<!date^00000000^{_}|${ch}>`;
}

/**
 * User text → inert mrkdwn. `alwaysDefuse` lists delimiters to neutralise even inside words, for text
 * placed between that delimiter (e.g. `*` inside our own `*bold*`).
 */
export function escapeMrkdwn(text: string, alwaysDefuse = ''): string {
  const clean = stripInvisible(text);
  let out = '';
  let last = 0;
  for (const m of clean.matchAll(DELIMITER)) {
    const i = m.index;
    const before = clean[i - 1];
    const after = clean[i + 1];
    const inWord = before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after);
    if (inWord && !alwaysDefuse.includes(m[0])) continue;
    out += escapeEntities(clean.slice(last, i)) + literalDelimiter(m[0]);
    last = i + 1;
  }
  out += escapeEntities(clean.slice(last));
  return defuseQuotes(out);
}

/** `&gt;` at the start of a line (after optional blanks) renders as a quote; a soft hyphen stops that. */
function defuseQuotes(mrkdwn: string): string {
  return mrkdwn.replace(/(^|\n)([ \t]*)&gt;/g, '$1$2\u00AD&gt;');
}

/**
 * Text inside `code`: nothing formats there, but a backtick would end the span early, and the date
 * trick is not known to work inside code, so backticks become a look-alike (U+02CB).
 */
export function escapeCode(text: string): string {
  return escapeEntities(stripInvisible(text).replace(/`/g, '\u02CB').replace(/\n/g, ' '));
}

/**
 * A link label (`<url|label>`): tokens cannot nest inside a link, so delimiters become look-alikes
 * (as jsx-slack does) and `|` a divides sign, which keeps the label from being re-split.
 */
export function escapeLinkLabel(text: string): string {
  const swapped = stripInvisible(text)
    .replace(/\*/g, '\u2217')
    .replace(/_/g, '\u02CD')
    .replace(/`/g, '\u02CB')
    .replace(/~/g, '\u223C')
    .replace(/\|/g, '\u2223')
    .replace(/\s+/g, ' ');
  return escapeEntities(swapped);
}

/** Text for `plain_text` objects (header, buttons): Slack does not parse it; only drop invisibles. */
export function plainText(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}

/**
 * Cuts mrkdwn to `max` characters, ending with "…", never inside an entity (`&amp;`), a token
 * (`<…>`) or a surrogate pair — a half token would either break the block or leak markup.
 */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let cut = max - 1;
  cut = backOffOpen(mrkdwn, cut, '<', '>');
  cut = backOffOpen(mrkdwn, cut, '&', ';');
  return cutAt(mrkdwn, cut);
}

/** If an `open…close` run straddles `cut`, moves `cut` back to its start. */
function backOffOpen(text: string, cut: number, open: string, close: string): number {
  const start = text.lastIndexOf(open, cut - 1);
  if (start === -1) return cut;
  const end = text.indexOf(close, start);
  return end === -1 || end >= cut ? start : cut;
}

function cutAt(text: string, cut: number): string {
  const code = text.charCodeAt(cut - 1);
  const safe = code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
  return `${text.slice(0, safe)}…`;
}
