import type { ChannelRef } from './platform.ts';

/**
 * A form as the core declares it (src/interactions/forms/), already in the reader's language.
 * Platforms that have forms (Slack's modals) render it; the others never receive one.
 */
export type FormFieldKind = 'text' | 'date' | 'time' | 'timezone' | 'choice' | 'flag' | 'url' | 'number' | 'channels';

export interface FormField {
  name: string;
  kind: FormFieldKind;
  label: string;
  optional?: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** `timezone` and `choice`: one among these; `flag`: the one box to tick (its label). */
  options?: Array<{ value: string; label: string }>;
  /** What the field starts with (an edit form shows the current values): a value of `options`, `flag`: 'on'. */
  initial?: string;
}

export interface Form {
  /** The declaration it comes from: submissions name it. */
  id: string;
  locale: string;
  title: string;
  submit: string;
  close: string;
  fields: FormField[];
  /** What the form is about (the meetup an edit form changes): handed back with the submission. */
  subject?: string;
}

/** As submitted: text fields as strings (blank = null), a ticked `flag` as 'on', a `channels` field as the channels chosen. */
export type FormValues = Record<string, string | null | ChannelRef[]>;

/** Localized messages beside the fields that are wrong. */
export type FieldErrors = Record<string, string>;
