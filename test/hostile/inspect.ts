/**
 * What must never reach a reader, checked on each platform's output: Slack control sequences
 * (mentions, broadcasts, links) other than the card's own links; Matrix HTML beyond the few
 * formatting tags, anchors other than the card's links, @room; terminal control sequences; and
 * bidirectional overrides, which make a label or a URL read as something it is not.
 */
import type { Card, Inline, Rich } from '../../src/core/card.ts';

export const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
export const BIDI_PROBLEM = 'bidi control';

/** The hrefs a card may legitimately produce: its own link pieces with a safe scheme, normalised. */
export function cardLinks(card: Card): Set<string> {
  const rich: Rich[] = [card.header ?? [], ...(card.body ?? []), ...(card.fields ?? []).map((field) => field.value), ...(card.items ?? []), card.footer ?? []];
  const links = new Set<string>();
  for (const piece of rich.flat() as Inline[]) {
    if (typeof piece !== 'object' || !('link' in piece)) continue;
    try {
      const url = new URL(piece.link.trim());
      if (['http:', 'https:', 'mailto:'].includes(url.protocol)) links.add(url.href);
    } catch {
      // Not a URL: it must not become a link at all.
    }
  }
  return links;
}

/** Every string in a rendered value, with the key it sits under. */
function strings(value: unknown, key = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

const unentity = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Problems in a Slack message: Slack parses the fallback `text` and mrkdwn objects, not plain_text. */
export function slackProblems(message: { text: string; blocks: unknown[] }, allowed: Set<string>): string[] {
  const problems: string[] = [];
  const parsed = [message.text];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (object.type === 'mrkdwn') {
      parsed.push(String(object.text));
      if (object.verbatim !== true) problems.push(`mrkdwn without verbatim: ${String(object.text).slice(0, 80)}`);
    }
    Object.values(object).forEach(walk);
  };
  walk(message.blocks);
  if (strings(message).some(([, text]) => BIDI.test(text))) problems.push(BIDI_PROBLEM);
  for (const text of parsed) {
    for (const [sequence] of text.matchAll(/<[^>]*>/g)) {
      if (/^<!date\^\d+\^[^|>]*\|[^>]*>$/.test(sequence)) continue; // inert delimiters and dates minted by the renderer
      const url = /^<((?:https?|mailto):[^|>]*)(?:\|[^>]*)?>$/.exec(sequence)?.[1];
      if (!url || !allowed.has(unentity(url).replace(/%7C/g, '|'))) problems.push(`control sequence ${sequence.slice(0, 80)}`);
    }
  }
  return problems;
}

const MATRIX_TAGS = new Set(['p', 'strong', 'em', 'code', 'ul', 'li', 'br', 'a']);

/** Problems in a Matrix notice or edit content. */
export function matrixProblems(content: Record<string, unknown>, allowed: Set<string>): string[] {
  const problems: string[] = [];
  const notice = (content['m.new_content'] ?? content) as { body: string; formatted_body?: string; 'm.mentions'?: unknown };
  if (JSON.stringify(content['m.mentions']) !== '{}') problems.push('m.mentions is not empty');
  for (const text of [notice.body, notice.formatted_body ?? '']) {
    if (/@room/i.test(text)) problems.push('@room would notify the room');
    if (BIDI.test(text)) problems.push(BIDI_PROBLEM);
  }
  for (const [, closing, name, attributes] of (notice.formatted_body ?? '').matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = name!.toLowerCase();
    if (!MATRIX_TAGS.has(tag)) problems.push(`tag <${closing}${tag}>`);
    const attrs = [...attributes!.matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)];
    for (const [, attr, value] of attrs) {
      if (tag !== 'a' || attr !== 'href') problems.push(`attribute ${attr} on <${tag}>`);
      else if (!allowed.has(unentity(value!)) || /matrix\.to/i.test(value!)) problems.push(`href ${value!.slice(0, 80)}`);
    }
    if (!closing && attributes!.replace(/([^\s=]+)\s*=\s*"[^"]*"/g, '').trim()) problems.push(`unquoted attribute on <${tag}>`);
  }
  return problems;
}

/** Problems in terminal text: escape sequences and other controls (newlines and tabs are fine). */
export function consoleProblems(text: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text)) problems.push('control character');
  if (BIDI.test(text)) problems.push(BIDI_PROBLEM);
  return problems;
}

/** Problems in a web page: scripts, event handlers, frames, and links other than http(s), webcal, mailto or our own paths. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [tag, name] of html.matchAll(/<([a-zA-Z][\w-]*)[^>]*>/g)) {
    if (/^(script|iframe|frame|object|embed|svg|math|img|base|meta|link)$/i.test(name!) && !/^<(meta (charset|name)=|link rel="(stylesheet|alternate)")/i.test(tag)) problems.push(`tag ${tag.slice(0, 80)}`);
    if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`event handler ${tag.slice(0, 80)}`);
    for (const [, attr, value] of tag.matchAll(/\s(href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"/gi)) {
      if (!/^(https?:\/\/|webcal:\/\/|mailto:|\/(?!\/)|\?|#)/i.test(unentity(value!).trim())) problems.push(`${attr} ${value!.slice(0, 80)}`);
    }
  }
  if (BIDI.test(html)) problems.push(BIDI_PROBLEM);
  return problems;
}
