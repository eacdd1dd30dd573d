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
  /** Routed to the action handler declared under this id. */
  actionId: string;
  /** Opaque payload handed back with the click, e.g. a meetup id. */
  value: string;
  label: string;
  style?: 'primary' | 'danger';
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

export interface Reply {
  card: Card;
  visibility: Visibility;
}
