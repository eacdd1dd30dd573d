import type { types } from '@slack/bolt';
import { followableUrl, type Card, type CardButton, type Inline, type Rich } from '../../src/core/card.ts';
import { formatInstant } from '../../src/core/dates.ts';
import {
  escapeCode, escapeEntities, escapeLinkLabel, escapeMrkdwn, plainText, stripInvisible,
  truncateMrkdwn,
} from './escape.ts';
import { labelColon } from '../../src/core/plain-text.ts';
import { truncate } from '../../src/core/text.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type MrkdwnElement = types.MrkdwnElement;
type Button = types.Button;

/** What chat.postMessage / chat.update / respond() take. */
export interface SlackMessage {
  /** Plain-text fallback: notifications, screen readers, clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

/** Block Kit limits (docs.slack.dev/reference/block-kit): exceeding any makes Slack reject the message. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fieldText: 2000,
  fieldsPerSection: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsPerBlock: 25,
  contextText: 3000,
  /** chat.postMessage truncates `text` at 40k; notifications only show the start anyway. */
  fallbackText: 4000,
} as const;

/** Renders a card; never throws on size, it truncates with "…" instead. */
export function renderCard(card: Card): SlackMessage {
  const header = card.header && plainText(plainOf(card.header, card.locale));
  const content = [...bodySections(card), ...fieldSections(card), ...itemSections(card)];
  const actions = actionBlocks(card.buttons ?? []);
  const footer = card.footer && mrkdwnOf(card.footer, card.locale);

  const tail: KnownBlock[] = [...actions];
  if (footer) tail.push({ type: 'context', elements: [mrkdwn(truncateMrkdwn(footer, LIMITS.contextText))] });
  const head: KnownBlock[] = header
    ? [{ type: 'header', text: { type: 'plain_text', text: truncate(header, LIMITS.headerText), emoji: true } }]
    : [];
  // Header and buttons matter most (buttons are the only way to act), so content yields its place.
  const room = LIMITS.blocks - head.length - tail.length;
  const kept = content.length <= room ? content : [...content.slice(0, Math.max(0, room - 1)), section('…')];
  const blocks = [...head, ...kept, ...tail].slice(0, LIMITS.blocks);
  return { text: renderPlainFallback(card), blocks };
}

/** The card as escaped plain text (the `text` field; also usable on its own for chat.postEphemeral). */
export function renderPlainFallback(card: Card): string {
  const lines: string[] = [];
  if (card.header) lines.push(plainOf(card.header, card.locale));
  for (const p of card.body ?? []) lines.push(plainOf(p, card.locale));
  for (const f of card.fields ?? []) {
    lines.push(`${plainText(truncate(f.label, LIMITS.fieldText))}${labelColon(card.locale)}${plainOf(f.value, card.locale)}`);
  }
  for (const i of card.items ?? []) lines.push(`• ${plainOf(i, card.locale)}`);
  if (card.footer) lines.push(plainOf(card.footer, card.locale));
  // Escaped, since Slack parses `text` too: a `<!channel>` here would still ping everyone.
  return truncateMrkdwn(escapeEntities(lines.join('\n')), LIMITS.fallbackText) || ' ';
}

/** Rich → plain words (no markup): for plain_text objects and the fallback. */
export function plainOf(rich: Rich, locale: string): string {
  return rich.map((piece) => plainPiece(piece, locale)).join('');
}

/**
 * No single piece can show more than a section's worth, so longer user text is cut before any
 * escaping work: rendering cost stays bounded whatever size a tip or title arrives at.
 */
function capped(piece: Inline): Inline {
  const cap = (t: string) => truncate(t, LIMITS.sectionText + 1);
  if (typeof piece === 'string') return cap(piece);
  if ('strong' in piece) return { strong: cap(piece.strong) };
  if ('code' in piece) return { code: cap(piece.code) };
  if ('link' in piece) return piece.label === undefined ? piece : { link: piece.link, label: cap(piece.label) };
  return piece;
}

function plainPiece(whole: Inline, locale: string): string {
  const piece = capped(whole);
  if (typeof piece === 'string') return stripInvisible(piece);
  if ('strong' in piece) return stripInvisible(piece.strong);
  if ('code' in piece) return stripInvisible(piece.code);
  if ('link' in piece) {
    const label = piece.label && stripInvisible(piece.label);
    const link = stripInvisible(piece.link);
    return label ? `${label} (${link})` : link;
  }
  return dateFallback(piece.date, piece.timeZone, locale);
}

/** Rich → mrkdwn where every user string is inert. */
export function mrkdwnOf(rich: Rich, locale: string): string {
  return rich.map((piece) => mrkdwnPiece(piece, locale)).join('');
}

function mrkdwnPiece(whole: Inline, locale: string): string {
  const piece = capped(whole);
  if (typeof piece === 'string') return escapeMrkdwn(piece);
  if ('strong' in piece) {
    // Bold cannot span lines; a newline inside would leave stray asterisks.
    // Slack only bolds `*x*` with no inner edge spaces, so those move outside the asterisks.
    const words = plainText(piece.strong);
    if (!words) return escapeMrkdwn(piece.strong);
    const lead = /^\s/.test(piece.strong) ? ' ' : '';
    const trail = /\s$/.test(piece.strong) ? ' ' : '';
    return `${lead}*${escapeMrkdwn(words, '*')}*${trail}`;
  }
  if ('code' in piece) return piece.code ? `\`${escapeCode(piece.code)}\`` : '';
  if ('link' in piece) return linkOf(piece.link, piece.label);
  return dateToken(piece.date, piece.timeZone, locale);
}

/** `<url|label>` only for http(s)/mailto; anything else is shown, inert, and not clickable. */
function linkOf(link: string, label?: string): string {
  const url = followableUrl(link);
  if (!url) return escapeMrkdwn(label ? `${label} (${link})` : link);
  // WHATWG URLs keep `|` and may keep `&`: `|` would end the URL early, `&` must be an entity.
  const target = escapeEntities(url.replace(/\|/g, '%7C'));
  const text = label && stripInvisible(label).trim() ? escapeLinkLabel(label.trim()) : '';
  return text ? `<${target}|${text}>` : `<${target}>`;
}

/** Slack shows the date in each reader's own timezone; the fallback is for clients that cannot. */
function dateToken(date: Date, timeZone: string, locale: string): string {
  const unix = Math.floor(date.getTime() / 1000);
  if (!Number.isFinite(unix)) return escapeMrkdwn(String(date));
  // The fallback is shown verbatim (no entity decoding, no formatting), so strip the few chars that
  // would end the token; formatInstant never produces them, this is belt and braces.
  const fallback = escapeEntities(dateFallback(date, timeZone, locale)).replace(/[|<>]/g, ' ');
  return `<!date^${unix}^{date_long_pretty} {time}|${fallback}>`;
}

function dateFallback(date: Date, timeZone: string, locale: string): string {
  return Number.isFinite(date.getTime()) ? formatInstant(date, timeZone, locale) : String(date);
}

// ---- blocks -------------------------------------------------------------------------------------

function mrkdwn(text: string): MrkdwnElement {
  // verbatim: no auto-linking of bare URLs, #channels or @here typed as words.
  return { type: 'mrkdwn', text: text || ' ', verbatim: true };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(truncateMrkdwn(text, LIMITS.sectionText)) };
}

/** Packs lines into as few sections as fit in the 3000-char limit; an oversized line is cut. */
function packSections(lines: string[], separator: string): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncateMrkdwn(raw, LIMITS.sectionText);
    if (current && current.length + separator.length + line.length > LIMITS.sectionText) {
      out.push(section(current));
      current = '';
    }
    current = current ? current + separator + line : line;
  }
  if (current) out.push(section(current));
  return out;
}

function bodySections(card: Card): SectionBlock[] {
  const paragraphs = (card.body ?? []).map((p) => mrkdwnOf(p, card.locale)).filter((p) => p.trim());
  return packSections(paragraphs, '\n\n');
}

function itemSections(card: Card): SectionBlock[] {
  return packSections((card.items ?? []).map((i) => `• ${mrkdwnOf(i, card.locale)}`), '\n');
}

function fieldSections(card: Card): SectionBlock[] {
  const fields = (card.fields ?? []).map((f) => {
    const label = escapeMrkdwn(plainText(truncate(f.label, LIMITS.fieldText)), '*');
    const text = `${label ? `*${label}*\n` : ''}${mrkdwnOf(f.value, card.locale)}`;
    return mrkdwn(truncateMrkdwn(text, LIMITS.fieldText));
  });
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    out.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return out;
}

function actionBlocks(buttons: CardButton[]): KnownBlock[] {
  const elements = buttons.map(buttonOf);
  const out: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actionsPerBlock) {
    out.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.actionsPerBlock) });
  }
  return out;
}

function buttonOf(b: CardButton): Button {
  const button: Button = {
    type: 'button',
    action_id: b.actionId.slice(0, LIMITS.actionId),
    // Values are ids we minted; cutting one would route the click to the wrong thing, so the
    // limit is left to Slack to enforce loudly.
    value: b.value,
    text: { type: 'plain_text', text: truncate(plainText(b.label), LIMITS.buttonText) || '…', emoji: true },
  };
  if (b.style) button.style = b.style;
  return button;
}
