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
}

export function readFormContext(metadata: unknown): FormContext {
  const parsed = JSON.parse(typeof metadata === 'string' && metadata ? metadata : '{}') as Partial<FormContext>;
  return { team: String(parsed.team ?? ''), channel: String(parsed.channel ?? ''), channelName: parsed.channelName, locale: typeof parsed.locale === 'string' && /^[a-z]{2}$/.test(parsed.locale) ? parsed.locale : 'fr', responseUrl: parsed.responseUrl };
}

const plain = (text: string, max = 150): types.PlainTextElement => ({ type: 'plain_text', text: truncate(plainText(text), max) || '…' });

function element(field: FormField): types.InputBlockElement {
  switch (field.kind) {
    case 'date':
      return { type: 'datepicker', action_id: FIELD_ACTION };
    case 'time':
      return { type: 'timepicker', action_id: FIELD_ACTION };
    case 'timezone': {
      const options = (field.options ?? []).map((option): types.PlainTextOption => ({ text: plain(option.label, 75), value: option.value }));
      const initial = options.find((option) => option.value === field.initial);
      return { type: 'static_select', action_id: FIELD_ACTION, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'url':
      return { type: 'url_text_input', action_id: FIELD_ACTION };
    case 'number':
      return { type: 'number_input', action_id: FIELD_ACTION, is_decimal_allowed: false, min_value: '1' };
    case 'channels':
      return { type: 'multi_conversations_select', action_id: FIELD_ACTION, filter: { include: ['public', 'private'], exclude_bot_users: true } };
    case 'text':
      return {
        type: 'plain_text_input', action_id: FIELD_ACTION,
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder) } : {}),
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
    private_metadata: JSON.stringify(context),
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
