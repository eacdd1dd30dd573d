// Wikitext from what members typed. Every character that means something to MediaWiki's parser,
// or to its pre-save transform, becomes a numeric character reference, which MediaWiki shows as
// the character itself and never reads as markup. This is MediaWiki's own wfEscapeWikiText()
// (includes/GlobalFunctions.php) plus what that function leaves to the caller because it escapes
// for display, not for saving: `~` (~~~~ signatures are expanded when a page is saved), every
// colon (any URL scheme, not only "://", and "subst:"), and `!` (table cells). Entities rather
// than <nowiki>: a member's "</nowiki>" could end a nowiki, while an entity cannot be undone.

const references: Record<string, string> = {
  '"': '&#34;', '&': '&#38;', "'": '&#39;', '<': '&#60;', '=': '&#61;', '>': '&#62;', '[': '&#91;', ']': '&#93;',
  '{': '&#123;', '|': '&#124;', '}': '&#125;', ';': '&#59;', ':': '&#58;', '~': '&#126;', '!': '&#33;', _: '&#95;',
};
/** `_` only before another `_`: a pair starts a magic word such as __NOTOC__. */
const special = /["&'<=>[\]{|};:~!]|_(?=_)/g;

/** What a line may not start with: lists (* # ; :), preformatted text (space, tab), a horizontal rule (----). */
const lineStarts: Record<string, string> = { '*': '&#42;', '#': '&#35;', ' ': '&#32;', '\t': '&#9;', '-': '&#45;' };

/** ISBN 123…, RFC 123, PMID 123 become links on wikis that keep magic links. */
const magicLink = /\b(ISBN|RFC|PMID)(\s)/g;

/** Control characters (and the parser's strip-marker delimiter, DEL) have no place in a page. */
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

function escapeLine(line: string): string {
  const escaped = line
    .replace(controls, '\uFFFD')
    .replace(special, (char) => references[char]!)
    .replace(magicLink, (_match, word: string, space: string) => `${word}&#${space.codePointAt(0)};`);
  const first = escaped[0];
  return first && lineStarts[first] ? `${lineStarts[first]}${escaped.slice(1)}` : escaped;
}

/** A name, title or label on one line: whitespace (line breaks included) collapses to single spaces. */
export function wikiInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * A text as its author wrote it: blank lines separate paragraphs and every other line break
 * stays a line break (MediaWiki would otherwise join the lines).
 */
export function wikiBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.split('\n').map((line) => escapeLine(line.trimEnd())).join('<br />\n'))
    .join('\n\n');
}

/**
 * An address for the target of an external link: http(s) only, and percent-encoded wherever the
 * wikitext around it would otherwise read markup (brackets, braces, quotes, pipes, ~ and _ pairs).
 * Undefined for anything else, which is then shown as text.
 */
export function wikiUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[[\]{}|<>"'~!_\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** [url label], or the label alone when the address cannot be a link. */
export function externalLink(url: string | null | undefined, label: string): string {
  const target = wikiUrl(url);
  return target ? `[${target} ${wikiInline(label)}]` : wikiInline(label);
}

/** [[title|label]]: titles are Relais's own (prefix, catalog words, tags, slugs), labels are escaped. */
export function internalLink(title: string, label: string): string {
  return `[[${title}|${wikiInline(label)}]]`;
}
