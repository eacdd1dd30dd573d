/** A meetup modal as Slack hands it back: its view.state.values, and the field errors it answers with. */
import { expect } from 'vitest';
import type { RecordedCall } from '../fakes/slack-web-api.ts';
import { CHANNEL, type Testbed } from './testbed.ts';

export interface FormErrors {
  response_action: string;
  errors: Record<string, string>;
}

type Values = Record<string, Record<string, Record<string, unknown>>>;

export interface Answers {
  title?: string; date?: string; time?: string; end?: string; timezone?: string; place?: string; link?: string; capacity?: string; reminders?: string;
  repeat?: string; until?: string; announceDays?: string; membersOnly?: boolean; scope?: string; channels?: string[];
}

const option = (value: string | undefined) => (value ? { value, text: { type: 'plain_text', text: value } } : null);

/** view.state.values for the meetup forms: what the person picked or typed, blanks as Slack sends them. */
export function answers(fields: Answers, form: 'create' | 'edit' = 'create'): Values {
  return {
    title: { value: { type: 'plain_text_input', value: fields.title ?? null } },
    date: { value: { type: 'datepicker', selected_date: fields.date ?? null } },
    time: { value: { type: 'timepicker', selected_time: fields.time ?? null } },
    end: { value: { type: 'timepicker', selected_time: fields.end ?? null } },
    timezone: { value: { type: 'static_select', selected_option: option(fields.timezone) } },
    place: { value: { type: 'plain_text_input', value: fields.place ?? null } },
    link: { value: { type: 'url_text_input', value: fields.link ?? null } },
    capacity: { value: { type: 'number_input', value: fields.capacity ?? null } },
    reminders: { value: { type: 'plain_text_input', value: fields.reminders ?? null } },
    membersOnly: { value: { type: 'checkboxes', selected_options: fields.membersOnly ? [option('on')] : [] } },
    ...(form === 'create'
      ? {
        repeat: { value: { type: 'static_select', selected_option: option(fields.repeat ?? 'none') } },
        until: { value: { type: 'datepicker', selected_date: fields.until ?? null } },
        announceDays: { value: { type: 'number_input', value: fields.announceDays ?? null } },
        channels: { value: { type: 'multi_conversations_select', selected_conversations: fields.channels ?? [CHANNEL] } },
      }
      : { scope: { value: { type: 'radio_buttons', selected_option: option(fields.scope) } } }),
  };
}

/** Types the command that opens a form; the views.open call Relais made. */
export async function openForm(bed: Testbed, command: string, text: string, user = 'U0ADMIN'): Promise<{ opened: RecordedCall; n: number }> {
  const before = bed.api.calls('views.open').length;
  const { status, n } = await bed.slashOnly(command, text, { user });
  expect(status).toBe(200);
  return { opened: await bed.api.waitFor('views.open', (call) => bed.api.calls('views.open').indexOf(call) >= before, 10_000), n };
}

/** The blocks of an opened modal, by block id. */
export const blocksOf = (opened: RecordedCall): Record<string, any> =>
  Object.fromEntries(opened.args.view.blocks.map((block: { block_id: string }) => [block.block_id, block]));
