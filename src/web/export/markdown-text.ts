// Markdown that shows user text as text: nothing a member typed may become a link, an image,
// HTML, a heading, a list or a table once a wiki renders the page (CommonMark and GFM rules).

/** Characters that mean something anywhere in a line; backslash-escaping any ASCII punctuation is always allowed. */
const inline = /[\\`*_[\]<>&|~${}!]/g;
/** Characters that mean something only at the start of a line (headings, lists, setext underlines, ordered lists). */
const lineStart = /^([#=+-]|\d+(?=[.)]))/;
/** What GFM would autolink on its own: URLs, www. addresses and e-mail addresses. */
const autolinkable = /\S*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|\S+@\S+\.\S+/gi;

/** Inline code never becomes a link; the fence is longer than any run of backticks inside. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeLine(line: string): string {
  const trimmed = line.trim();
  let out = '';
  let last = 0;
  for (const match of trimmed.matchAll(autolinkable)) {
    out += trimmed.slice(last, match.index).replace(inline, '\\$&') + codeSpan(match[0]);
    last = match.index + match[0].length;
  }
  out += trimmed.slice(last).replace(inline, '\\$&');
  return out.replace(lineStart, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** One line of user text (a title, a name): line breaks become spaces. */
export function mdInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** A block of user text: its line breaks kept as hard breaks, blank lines as paragraphs. */
export function mdBlock(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => escapeLine(line))
    .join('  \n')
    .replace(/( {2}\n){2,}/g, '\n\n');
}
