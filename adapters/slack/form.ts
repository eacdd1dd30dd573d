import type { types } from '@slack/bolt';
import type { Form, FormField } from '../../src/core/form.ts';
import { truncate } from '../../src/core/text.ts';
import { plainText } from './escape.ts';

/** Every input's action id; block ids are the declared fields' names. */
export const FIELD_ACTION = 'value';

/** Carried in the view's private_metadata (signed by Slack on the way back, at most 3000 characters). */
export interface FormContext {
  team: string;
  channel: string;
  channelName?: string | undefined;
  locale: string;
  /** The slash command's response_url: the confirmation goes back where the command was typed. */
  responseUrl?: string | undefined;
  /** The form's subject (the meetup an edit form changes). */
  subject?: string | undefined;
}

export function readFormContext(metadata: unknown): FormContext {
  const parsed = JSON.parse(typeof metadata === 'string' && metadata ? metadata : '{}') as Partial<FormContext>;
  return { team: String(parsed.team ?? ''), channel: String(parsed.channel ?? ''), channelName: parsed.channelName, locale: typeof parsed.locale === 'string' && /^[a-z]{2}$/.test(parsed.locale) ? parsed.locale : 'fr', responseUrl: parsed.responseUrl, subject: typeof parsed.subject === 'string' ? parsed.subject : undefined };
}

const plain = (text: string, max = 150): types.PlainTextElement => ({ type: 'plain_text', text: truncate(plainText(text), max) || '…' });

const optionsOf = (field: FormField): types.PlainTextOption[] => (field.options ?? []).map((option) => ({ text: plain(option.label, 75), value: option.value }));

/** Slack shows up to 3 choices as radio buttons (all visible at once), more in a menu. */
const RADIO_CHOICES = 3;

function element(field: FormField): types.InputBlockElement {
  const initial = field.initial;
  switch (field.kind) {
    case 'date':
      return { type: 'datepicker', action_id: FIELD_ACTION, ...(initial ? { initial_date: initial } : {}) };
    case 'time':
      return { type: 'timepicker', action_id: FIELD_ACTION, ...(initial ? { initial_time: initial } : {}) };
    case 'timezone':
    case 'choice': {
      const options = optionsOf(field);
      const chosen = options.find((option) => option.value === initial);
      const type = field.kind === 'choice' && options.length <= RADIO_CHOICES ? 'radio_buttons' : 'static_select';
      return { type, action_id: FIELD_ACTION, options, ...(chosen ? { initial_option: chosen } : {}) } as types.StaticSelect | types.RadioButtons;
    }
    case 'flag': {
      const options = optionsOf(field);
      return { type: 'checkboxes', action_id: FIELD_ACTION, options, ...(initial === 'on' && options[0] ? { initial_options: [options[0]] } : {}) };
    }
    case 'url':
      return { type: 'url_text_input', action_id: FIELD_ACTION, ...(initial ? { initial_value: initial } : {}) };
    case 'number':
      return { type: 'number_input', action_id: FIELD_ACTION, is_decimal_allowed: false, min_value: '1', ...(initial ? { initial_value: initial } : {}) };
    case 'channels':
      return { type: 'multi_conversations_select', action_id: FIELD_ACTION, filter: { include: ['public', 'private'], exclude_bot_users: true } };
    case 'text':
      return {
        type: 'plain_text_input', action_id: FIELD_ACTION,
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder) } : {}),
        ...(initial ? { initial_value: field.maxLength ? initial.slice(0, field.maxLength) : initial } : {}),
      };
  }
}

/**
 * A declared form as a modal: one input block per field (Block Kit limits: title, submit and
 * close 24 characters, labels 2,000). A `channels` field starts with the channel it was opened from.
 */
export function modalOf(form: Form, context: FormContext): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    private_metadata: JSON.stringify({ ...context, ...(form.subject ? { subject: form.subject } : {}) }),
    title: plain(form.title, 24),
    submit: plain(form.submit, 24),
    close: plain(form.close, 24),
    blocks: form.fields.map((field): types.InputBlock => {
      const input = element(field);
      if (field.kind === 'channels') (input as types.MultiConversationsSelect).initial_conversations = [context.channel];
      return {
        type: 'input',
        block_id: field.name,
        label: plain(field.label, 2000),
        element: input,
        ...(field.optional ? { optional: true } : {}),
        ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
      };
    }),
  };
}
