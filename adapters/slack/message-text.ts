/**
 * A Slack message's text as a person reads it, for storing as a tip: Slack writes mentions, links
 * and channel names as `<…>` tokens and escapes `& < >`. Stored tips are plain text (every
 * renderer escapes on the way out), so tokens become words and entities characters again.
 */
export async function readableText(text: string, nameOf: (userId: string) => Promise<string>): Promise<string> {
  const tokens = [...text.matchAll(/<([^<>]*)>/g)];
  const names = new Map<string, string>();
  for (const [, inner = ''] of tokens) {
    const user = /^@([UW][A-Z0-9]+)(?:\|.*)?$/.exec(inner);
    if (user?.[1] && !names.has(user[1])) names.set(user[1], await nameOf(user[1]));
  }
  const readable = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => tokenText(inner, names));
  return readable.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function tokenText(inner: string, names: Map<string, string>): string {
  const [target = '', label] = splitLabel(inner);
  if (target.startsWith('@')) return `@${names.get(target.slice(1)) ?? label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label ?? '@group';
  if (target.startsWith('!date^')) return label ?? '';
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  const url = target.replace(/^mailto:/, '');
  return label && label !== url ? `${label} (${url})` : url;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1) || undefined];
}

/** A Slack message as payloads and conversations.history give it (trimmed to what a tip needs). */
export interface SlackMessage {
  ts?: string | undefined;
  text?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  username?: string | undefined;
}
