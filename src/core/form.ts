import type { ChannelRef } from './platform.ts';

/**
 * A form as the core declares it (src/interactions/forms/), already in the reader's language.
 * Platforms that have forms (Slack's modals) render it; the others never receive one.
 */
export type FormFieldKind = 'text' | 'date' | 'time' | 'timezone' | 'url' | 'number' | 'channels';

export interface FormField {
  name: string;
  kind: FormFieldKind;
  label: string;
  optional?: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** A choice among these (a timezone list…). */
  options?: Array<{ value: string; label: string }>;
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
}

/** As submitted: text fields as strings (blank = null), a `channels` field as the channels chosen. */
export type FormValues = Record<string, string | null | ChannelRef[]>;

/** Localized messages beside the fields that are wrong. */
export type FieldErrors = Record<string, string>;
