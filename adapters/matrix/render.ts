import escapeHtml from 'escape-html';
import { withoutDeceptiveCharacters } from '../../src/core/inert-text.ts';
import { followableUrl, type Card, type CardButton, type Inline, type Rich } from '../../src/core/card.ts';
import { formatInstant } from '../../src/core/dates.ts';
import { truncate } from '../../src/core/text.ts';

/**
 * What the bot sends as an m.room.message. Always m.notice: the default push rule
 * .m.rule.suppress_notices makes notices silent, and bots are expected to use them.
 * `m.mentions: {}` declares "mentions nobody": with it present, servers/clients implementing
 * intentional mentions (spec v1.7) skip the legacy body-matching rules (display name, @room).
 */
export interface MatrixNotice {
  msgtype: 'm.notice';
  body: string;
  format: 'org.matrix.custom.html';
  formatted_body: string;
  'm.mentions': Record<string, never>;
}

/** An edit (spec "Event replacements"): a "* " fallback for old clients plus the new content. */
export interface MatrixEdit {
  msgtype: 'm.notice';
  body: string;
  format?: 'org.matrix.custom.html';
  formatted_body?: string;
  'm.mentions': Record<string, never>;
  'm.new_content': MatrixNotice;
  'm.relates_to': { rel_type: 'm.replace'; event_id: string };
}

export interface MatrixRenderOptions {
  /**
   * Matrix has no buttons: what to say instead (the reactions to add, the command to type), one
   * line each; buttons with no equivalent are left out. Default: the labels, "a · b · c".
   */
  buttonHints?: (buttons: CardButton[], locale: string) => string[];
  /** Budget for JSON.stringify(content) in UTF-8 bytes; default CONTENT_MAX_BYTES. */
  maxBytes?: number;
}

/**
 * The whole PDU must stay under 65536 bytes (spec "Size limits"), including what the server
 * adds (ids, hashes, signatures, prev/auth events, unsigned): keep content well below. A card
 * gets 40 kB so that its edit (content twice: fallback + m.new_content) still fits in 60 kB.
 */
export const CONTENT_MAX_BYTES = 40_000;
export const EVENT_CONTENT_MAX_BYTES = 60_000;

/** Clients turn links to these hosts into user/room "pills" (and Element pings on them). */
const PILL_HOSTS = new Set(['matrix.to']);
/** U+2060 WORD JOINER: invisible, adds no line-break opportunity, joins nothing (unlike ZWJ in emoji). */
const WORD_JOINER = '\u2060';
const ELLIPSIS = '…';

/** Never throws on size: over budget, long strings and then long lists are cut with "…". */
export function renderCard(card: Card, options: MatrixRenderOptions = {}): MatrixNotice {
  const max = options.maxBytes ?? CONTENT_MAX_BYTES;
  const full = render(card, options, { chars: Infinity, list: Infinity });
  if (size(full) <= max) return full;
  const longest = Math.max(...allStrings(card).map((s) => s.length), 1);
  const chars = largestFitting(16, longest, (n) => size(render(card, options, { chars: n, list: Infinity })) <= max);
  if (chars !== undefined) return render(card, options, { chars, list: Infinity });
  const longestList = Math.max(card.body?.length ?? 0, card.fields?.length ?? 0, card.items?.length ?? 0, 1);
  const list = largestFitting(1, longestList, (n) => size(render(card, options, { chars: 16, list: n })) <= max);
  return render(card, options, { chars: 16, list: list ?? 1 });
}

/** Content replacing `originalEventId` with `content` (send it as a new m.room.message). */
export function renderEdit(originalEventId: string, content: MatrixNotice, maxBytes = EVENT_CONTENT_MAX_BYTES): MatrixEdit {
  const edit = (body: string, html: boolean): MatrixEdit => ({
    msgtype: content.msgtype,
    body: `* ${body}`,
    ...(html ? { format: content.format, formatted_body: `* ${content.formatted_body}` } : {}),
    'm.mentions': {},
    'm.new_content': content,
    'm.relates_to': { rel_type: 'm.replace', event_id: originalEventId },
  });
  const whole = edit(content.body, true);
  if (size(whole) <= maxBytes) return whole;
  // The fallback only serves clients without edit support: shrink it, never m.new_content.
  const n = largestFitting(0, content.body.length, (k) => size(edit(truncate(content.body, k), false)) <= maxBytes);
  return edit(truncate(content.body, n ?? 0), false);
}

/** Makes @room inert in user text; body and HTML alike (Element turns "@room" text into a pill). */
export function defuseMentions(text: string): string {
  return text.replace(/@(room)/gi, `@${WORD_JOINER}$1`);
}

interface Cap { chars: number; list: number }
interface Block { text: string; html: string }

function render(card: Card, options: MatrixRenderOptions, cap: Cap): MatrixNotice {
  const { locale } = card;
  const blocks: Block[] = [];
  if (card.header?.length) {
    const r = rich(card.header, locale, cap);
    blocks.push({ text: r.text, html: `<p><strong>${r.html}</strong></p>` });
  }
  for (const paragraph of capList(card.body ?? [], cap, [ELLIPSIS])) {
    const r = rich(paragraph, locale, cap);
    blocks.push({ text: r.text, html: `<p>${r.html}</p>` });
  }
  const fields = capList(card.fields ?? [], cap, { label: ELLIPSIS, value: [] });
  if (fields.length) {
    const colon = locale.startsWith('fr') ? ' : ' : ': '; // French typography puts a space before ":"
    const lines = fields.map((f) => {
      const label = text(f.label, cap);
      const value = rich(f.value, locale, cap);
      return f.value.length
        ? { text: `${label}${colon}${value.text}`, html: `<strong>${escapeHtml(label)}</strong>${colon}${value.html}` }
        : { text: label, html: escapeHtml(label) };
    });
    blocks.push({ text: lines.map((l) => l.text).join('\n'), html: `<p>${lines.map((l) => l.html).join('<br>')}</p>` });
  }
  const items = capList(card.items ?? [], cap, [ELLIPSIS]).map((item) => rich(item, locale, cap));
  if (items.length) {
    blocks.push({
      text: items.map((i) => `• ${i.text}`).join('\n'),
      html: `<ul>${items.map((i) => `<li>${i.html}</li>`).join('')}</ul>`,
    });
  }
  if (card.buttons?.length) {
    const buttons = card.buttons.map((b) => ({ ...b, label: text(b.label, cap) }));
    for (const line of (options.buttonHints ?? defaultHints)(buttons, locale)) {
      const hint = defuseMentions(line);
      blocks.push({ text: hint, html: `<p>${escapeHtml(hint)}</p>` });
    }
  }
  if (card.footer?.length) {
    const r = rich(card.footer, locale, cap);
    blocks.push({ text: r.text, html: `<p><em>${r.html}</em></p>` });
  }
  return {
    msgtype: 'm.notice',
    body: blocks.map((b) => b.text).join('\n\n'),
    format: 'org.matrix.custom.html',
    formatted_body: blocks.map((b) => b.html).join(''),
    'm.mentions': {},
  };
}

function defaultHints(buttons: CardButton[]): string[] {
  return [buttons.map((button) => button.label).join(' · ')];
}

function rich(pieces: Rich, locale: string, cap: Cap): Block {
  const parts = pieces.map((p) => inline(p, locale, cap));
  return { text: parts.map((p) => p.text).join(''), html: parts.map((p) => p.html).join('') };
}

function inline(piece: Inline, locale: string, cap: Cap): Block {
  if (typeof piece === 'string') {
    const t = text(piece, cap);
    return { text: t, html: escapeHtml(t) };
  }
  if ('strong' in piece) {
    const t = text(piece.strong, cap);
    return { text: t, html: `<strong>${escapeHtml(t)}</strong>` };
  }
  if ('code' in piece) {
    const t = text(piece.code, cap);
    return { text: `\`${t}\``, html: `<code>${escapeHtml(t)}</code>` };
  }
  if ('link' in piece) {
    const url = text(piece.link, cap);
    const label = piece.label === undefined ? undefined : text(piece.label, cap);
    // A URL too long for the budget is shown cut, as text: a cut href would lead somewhere else.
    const safe = safeHref(piece.link);
    const href = safe && piece.link.length > cap.chars ? 'text' : safe;
    const plain = label && label !== url ? `${label} (${url})` : url;
    if (!href) {
      // Unsafe scheme: show only the label (or the inert text of the URL), never an anchor.
      const shown = label ?? url;
      return { text: shown, html: escapeHtml(shown) };
    }
    if (href === 'text') return { text: plain, html: escapeHtml(plain) };
    return { text: plain, html: `<a href="${escapeHtml(href)}">${escapeHtml(label ?? url)}</a>` };
  }
  const when = formatInstant(piece.date, piece.timeZone, locale);
  return { text: when, html: escapeHtml(when) };
}

/** The normalised href to emit, 'text' to show the URL without an anchor, or undefined if unsafe. */
function safeHref(link: string): string | 'text' | undefined {
  const href = followableUrl(link);
  if (!href) return undefined;
  return PILL_HOSTS.has(new URL(href).hostname.toLowerCase()) ? 'text' : href;
}

/** Every piece of user text goes through here: defused, then capped. */
function text(s: string, cap: Cap): string {
  return defuseMentions(truncate(withoutDeceptiveCharacters(s), cap.chars));
}


function capList<T>(list: T[], cap: Cap, more: T): T[] {
  return list.length <= cap.list ? list : [...list.slice(0, Math.max(0, cap.list - 1)), more];
}

function allStrings(card: Card): string[] {
  const ofRich = (r: Rich | undefined): string[] =>
    (r ?? []).flatMap((p) =>
      typeof p === 'string' ? [p]
        : 'strong' in p ? [p.strong]
          : 'code' in p ? [p.code]
            : 'link' in p ? [p.link, p.label ?? ''] : []);
  return [
    ...ofRich(card.header), ...(card.body ?? []).flatMap(ofRich), ...(card.fields ?? []).flatMap((f) => [f.label, ...ofRich(f.value)]),
    ...(card.items ?? []).flatMap(ofRich), ...(card.buttons ?? []).map((b) => b.label), ...ofRich(card.footer),
  ];
}

function size(content: object): number {
  return Buffer.byteLength(JSON.stringify(content), 'utf8');
}

/** Largest n in [lo, hi] with fits(n), assuming fits is monotone; undefined if even lo does not fit. */
function largestFitting(lo: number, hi: number, fits: (n: number) => boolean): number | undefined {
  if (!fits(lo)) return undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
