import type { App, types, ViewOutput } from '@slack/bolt';
import type { Reply } from '../../src/core/card.ts';
import { checkDraft, draftDefaults, type DraftErrors, type DraftField, type MeetupDraft } from '../../src/domain/meetups/draft.ts';
import { isLocale, translator, type Locale } from '../../src/i18n/translate.ts';
import { conversationOf, namedChannel, slackChannel, type SlackSpeaker } from './conversation.ts';
import { plainText, truncatePlain } from './escape.ts';
import { deliver, respondTo } from './replies.ts';
import { firstDelivery, type SlackRuntime } from './runtime.ts';

/** callback_id of the modal `/meetup create` opens when given nothing to parse. */
export const MEETUP_MODAL = 'relais.meetup.create';

/** Block ids are the draft's field names; every input's action id is this. */
const ACTION = 'value';
const CHANNELS = 'channels';

/** The zones partner networks live in (metropolitan and overseas France, neighbours); the channel's own is added. */
const commonZones = [
  'Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'America/Miquelon', 'Indian/Reunion',
  'Indian/Mayotte', 'Pacific/Noumea', 'Pacific/Tahiti', 'Pacific/Wallis', 'Europe/Brussels', 'Europe/Luxembourg',
  'Europe/Zurich', 'America/Montreal', 'UTC',
];

/** Carried in the view's private_metadata (signed by Slack on the way back, at most 3000 characters). */
interface ModalContext {
  team: string;
  channel: string;
  channelName?: string | undefined;
  locale: Locale;
  /** The slash command's response_url: the confirmation goes back where the command was typed. */
  responseUrl?: string | undefined;
}

const plain = (text: string, max = 150): types.PlainTextElement => ({ type: 'plain_text', text: truncatePlain(plainText(text), max) });

function input(field: DraftField | typeof CHANNELS, label: string, element: types.InputBlockElement, extra: Partial<types.InputBlock> = {}): types.InputBlock {
  return { type: 'input', block_id: field, label: plain(label, 2000), element, ...extra };
}

export function meetupModal(context: ModalContext, timeZone: string): types.ModalView {
  const t = translator(context.locale);
  const zones = commonZones.includes(timeZone) ? commonZones : [timeZone, ...commonZones];
  const zoneOption = (zone: string): types.PlainTextOption => ({ text: plain(zone.replace(/_/g, ' '), 75), value: zone });
  return {
    type: 'modal',
    callback_id: MEETUP_MODAL,
    private_metadata: JSON.stringify(context),
    title: plain(t('slack.modal.title'), 24),
    submit: plain(t('slack.modal.submit'), 24),
    close: plain(t('slack.modal.close'), 24),
    blocks: [
      input('title', t('slack.modal.titleLabel'), {
        type: 'plain_text_input', action_id: ACTION, max_length: 200, placeholder: plain(t('slack.modal.titlePlaceholder')),
      }),
      input('date', t('slack.modal.date'), { type: 'datepicker', action_id: ACTION }),
      input('time', t('slack.modal.time'), { type: 'timepicker', action_id: ACTION }),
      input('timezone', t('slack.modal.timezone'), {
        type: 'static_select', action_id: ACTION, options: zones.map(zoneOption), initial_option: zoneOption(timeZone),
      }),
      input('place', t('slack.modal.place'), { type: 'plain_text_input', action_id: ACTION, max_length: 500 },
        { optional: true, hint: plain(t('slack.modal.placeHint'), 2000) }),
      input('link', t('slack.modal.link'), { type: 'url_text_input', action_id: ACTION }, { optional: true }),
      input('capacity', t('slack.modal.capacity'), { type: 'number_input', action_id: ACTION, is_decimal_allowed: false, min_value: '1' },
        { optional: true, hint: plain(t('slack.modal.capacityHint'), 2000) }),
      input(CHANNELS, t('slack.modal.channels'), {
        type: 'multi_conversations_select', action_id: ACTION, initial_conversations: [context.channel],
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      }, { hint: plain(t('slack.modal.channelsHint'), 2000) }),
    ],
  };
}

/** The form's answers: the draft, and the channels to announce in. */
export function readModal(view: ViewOutput): { draft: MeetupDraft; channels: string[] } {
  const values = view.state.values;
  const value = (block: string) => values[block]?.[ACTION];
  const text = (field: DraftField) => value(field)?.value ?? null;
  return {
    draft: {
      title: text('title'),
      date: value('date')?.selected_date ?? null,
      time: value('time')?.selected_time ?? null,
      timezone: value('timezone')?.selected_option?.value ?? null,
      place: text('place'),
      link: text('link'),
      capacity: text('capacity'),
    },
    channels: value(CHANNELS)?.selected_conversations ?? [],
  };
}

function contextOf(view: ViewOutput): ModalContext {
  const parsed = JSON.parse(view.private_metadata) as ModalContext;
  return { ...parsed, locale: isLocale(parsed.locale) ? parsed.locale : 'fr' };
}

/** Opens the form, starting from the channel's timezone and language. Must run within 3 s of the trigger. */
export async function openMeetupModal(runtime: SlackRuntime, speaker: SlackSpeaker, triggerId: string, responseUrl?: string): Promise<void> {
  const defaults = await draftDefaults(runtime.relais.services, slackChannel(speaker.teamId, speaker.channelId, speaker.channelName));
  const context: ModalContext = {
    team: speaker.teamId, channel: speaker.channelId, channelName: speaker.channelName, locale: defaults.locale, responseUrl,
  };
  await runtime.client.views.open({ trigger_id: triggerId, view: meetupModal(context, defaults.timeZone) });
}

/**
 * A submission is checked before it is acknowledged, so mistakes show beside their fields and the
 * form stays open; a valid one closes the form at once, and creating and announcing (Web API calls
 * that may wait out a rate limit) happen after.
 */
export function registerMeetupModal(app: App, runtime: SlackRuntime): void {
  const { relais, client, logger, people } = runtime;
  app.view(MEETUP_MODAL, async ({ ack, body, view }) => {
    const context = contextOf(view);
    const { draft, channels } = readModal(view);
    const checked = checkDraft(draft, { now: relais.services.clock.now(), locale: context.locale });
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: checked.errors as Record<string, string> });
      return;
    }
    await ack();
    await runtime.work.run(async () => {
      if (!(await firstDelivery(runtime, `view:${view.id}`))) return;
      const conversation = await conversationOf(people, {
        teamId: context.team, channelId: context.channel, channelName: context.channelName, userId: body.user.id, userName: body.user.name,
      });
      const targets = await Promise.all((channels.length ? channels : [context.channel]).map((id) => namedChannel(runtime, context.team, id)));
      const result = await relais.createMeetupFromDraft(conversation, draft, targets);
      const replies = 'errors' in result ? [errorReply(result.errors, context.locale)] : result.replies;
      await deliver(client, logger, replies, {
        channel: context.channel, user: body.user.id, respond: context.responseUrl ? respondTo(context.responseUrl) : undefined,
      });
    });
  });
}

/** Rare: the form was valid when submitted but no longer is (the time went by meanwhile). */
function errorReply(errors: DraftErrors, locale: Locale): Reply {
  return { visibility: 'ephemeral', card: { locale, tone: 'error', body: Object.values(errors).map((message) => [message]) } };
}
