import type { Form } from './form.ts';

/**
 * The neutral message model. Handlers build cards; only adapters/<platform>/ turns them into
 * Block Kit, Matrix HTML or terminal text. Every string in a card is plain text written by
 * someone (possibly hostile): renderers escape it, so nothing here is markup.
 */
export type Inline =
  | string
  | { strong: string }
  | { code: string }
  | { link: string; label?: string }
  /** An instant; rendered in the reader's timezone where the platform can, else in `timeZone`. */
  | { date: Date; timeZone: string };

/** A run of inline pieces, e.g. ['Saved tip ', { strong: '#12' }]. */
export type Rich = Inline[];

export interface CardButton {
  /** The declared action a click runs (src/interactions/actions.ts). */
  actionId: string;
  /** Handed back with the click, e.g. a meetup id. */
  value: string;
  label: string;
  style?: 'primary' | 'danger';
  /**
   * The same choice for platforms without buttons: a reaction to add to the message, or a command
   * line (without its prefix) to type.
   */
  instead?: { reaction: string } | { command: string };
}

export interface CardField {
  label: string;
  value: Rich;
}

export interface Card {
  /** BCP 47 language of the card's own strings and date formatting: 'fr' | 'en'. */
  locale: string;
  header?: Rich;
  /** Paragraphs. */
  body?: Rich[];
  fields?: CardField[];
  /** A bullet list. */
  items?: Rich[];
  buttons?: CardButton[];
  /** A small line under the card (hints, ids, sources). */
  footer?: Rich;
  tone?: 'info' | 'success' | 'warning' | 'error';
}

/** Where a reply goes: only to the person who asked (where the platform allows), or to the channel. */
export type Visibility = 'ephemeral' | 'channel';

export type Reply =
  | { visibility: Visibility; card: Card }
  /** A form to fill in (a Slack modal); platforms that show no forms show `card` instead (the command line to type). */
  | { visibility: 'ephemeral'; form: Form; card: Card };

/** Links people may follow from what Relais shows; anything else is shown as text, never as a link. */
const followable = new Set(['http:', 'https:', 'mailto:']);

/** The URL as a link target, or undefined when it must stay text (javascript:, data:, relative…). */
export function followableUrl(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    return followable.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
