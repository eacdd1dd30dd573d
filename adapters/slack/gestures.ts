import type { FormField, FormValues } from '../../src/core/form.ts';
import type { Gesture } from '../../src/core/gesture.ts';
import type { ChannelRef, UserRef } from '../../src/core/platform.ts';
import { unicodeOf } from './emoji.ts';
import { FIELD_ACTION, readFormContext } from './form.ts';
import type { SlackMessage } from './message-text.ts';

/** Where a gesture's answers go on Slack (ChatAdapter.reply gets it back). */
export interface SlackReplyTo {
  [key: string]: unknown;
  channel: string;
  user: string;
  /** The gesture's response_url: it works where the bot is no member, and in direct messages. */
  responseUrl?: string;
  /** A click on a message: answers must not replace the message clicked. */
  keepOriginal?: boolean;
  /** Opens a modal (valid 3 seconds), whose submission names the team and channel again. */
  triggerId?: string;
  team?: string;
  channelName?: string;
}

/** What a payload says about who and where: the rest (names, admin rights) is looked up when the gesture is worked. */
const channelRef = (team: string, id: string, name?: string): ChannelRef => ({ platform: 'slack', workspace: team, externalId: id, ...(name ? { name } : {}) });

/** What a slash command's channel_name says of private conversations: Slack names them so, not by their name. */
const privateNames = /^(privategroup|directmessage|mpdm-.*)$/;

/** A slash command's channel: its name, and whether it is private, as the payload says. */
function commandChannel(team: string, id: string, name: unknown): ChannelRef {
  const said = typeof name === 'string' ? name : undefined;
  if (said === undefined) return channelRef(team, id);
  return privateNames.test(said) ? { ...channelRef(team, id), private: true } : { ...channelRef(team, id, said), private: false };
}
const userRef = (team: string, id: string, name?: string): UserRef => ({ platform: 'slack', workspace: team, externalId: id, displayName: name || id });

export interface GateContext {
  botUserId: string | undefined;
  /** The reactions Relais acts on, as Unicode; `removals`, those whose removal means something. */
  reactions: ReadonlySet<string>;
  removals: ReadonlySet<string>;
  captureId: string;
  /** The fields of a declared form, to read a submission back. */
  formFields(formId: string): Array<Pick<FormField, 'name' | 'kind'>> | undefined;
}

type Body = Record<string, any>;

/**
 * A Slack request body (HTTP or Socket Mode, both give the same payloads) as a Relais gesture,
 * synchronously and without any API call: recording it must not wait. Undefined for what Relais
 * does not act on (another emoji, the bot's own reactions, an unknown payload).
 */
export function gestureOf(body: Body, gate: GateContext): Gesture | undefined {
  if (typeof body.command === 'string') {
    const team = String(body.team_id);
    return {
      kind: 'command',
      command: body.command.replace(/^\//, '').toLowerCase(),
      text: String(body.text ?? ''),
      deliveryKey: `command:${body.trigger_id}`,
      channel: commandChannel(team, String(body.channel_id), body.channel_name),
      user: userRef(team, String(body.user_id), body.user_name),
      replyTo: { channel: String(body.channel_id), user: String(body.user_id), responseUrl: body.response_url, triggerId: body.trigger_id, team, channelName: body.channel_name },
    };
  }
  switch (body.type) {
    case 'block_actions':
      return actionGesture(body);
    case 'view_submission':
      return formGesture(body, gate);
    case 'message_action':
      return body.callback_id === gate.captureId ? captureGesture(body) : undefined;
    case 'event_callback':
      return reactionGesture(body, gate);
    default:
      return undefined;
  }
}

function actionGesture(body: Body): Gesture | undefined {
  const action = body.actions?.[0];
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (action?.type !== 'button' || !channel) return undefined;
  const team = String(body.team?.id ?? body.user?.team_id ?? '');
  return {
    kind: 'action',
    actionId: String(action.action_id),
    value: String(action.value ?? ''),
    deliveryKey: `action:${action.action_ts}:${body.user.id}`,
    channel: channelRef(team, channel, body.channel?.name),
    user: userRef(team, body.user.id, body.user.name),
    // A click may open a form (the preview's "Change"): its trigger, and where the submission answers.
    replyTo: { channel, user: body.user.id, responseUrl: body.response_url, keepOriginal: true, triggerId: body.trigger_id, team, channelName: body.channel?.name },
  };
}

function formGesture(body: Body, gate: GateContext): Gesture | undefined {
  const view = body.view;
  const fields = gate.formFields(view?.callback_id);
  if (!fields) return undefined;
  const context = readFormContext(view.private_metadata);
  return {
    kind: 'form',
    formId: view.callback_id,
    values: formValues(view.state?.values ?? {}, fields, context.team),
    ...(context.subject ? { subject: context.subject } : {}),
    deliveryKey: `view:${view.id}`,
    channel: channelRef(context.team, context.channel, context.channelName),
    user: userRef(context.team, body.user.id, body.user.name),
    replyTo: { channel: context.channel, user: body.user.id, ...(context.responseUrl ? { responseUrl: context.responseUrl } : {}) },
  };
}

/** A submitted modal's values, by the declared fields it was built from (src/core/form.ts). */
export function formValues(state: Record<string, Record<string, any>>, fields: Array<Pick<FormField, 'name' | 'kind'>>, team: string): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const input = state[field.name]?.[FIELD_ACTION];
    switch (field.kind) {
      case 'date':
        values[field.name] = input?.selected_date ?? null;
        break;
      case 'time':
        values[field.name] = input?.selected_time ?? null;
        break;
      case 'timezone':
      case 'choice':
        values[field.name] = input?.selected_option?.value ?? null;
        break;
      case 'flag':
        values[field.name] = input?.selected_options?.length ? 'on' : null;
        break;
      case 'channels':
        values[field.name] = ((input?.selected_conversations ?? []) as string[]).map((id) => channelRef(team, id));
        break;
      default:
        values[field.name] = input?.value ?? null;
    }
  }
  return values;
}

function captureGesture(body: Body): Gesture {
  const team = String(body.team?.id ?? body.user?.team_id ?? '');
  const message = body.message as SlackMessage;
  const author = message.user ?? message.bot_id ?? 'unknown';
  return {
    kind: 'capture',
    // The text is Slack's markup and the author an id: the adapter makes them readable when the gesture is worked.
    message: { messageId: String(message.ts), text: String(message.text ?? ''), author: userRef(team, author, message.username) },
    deliveryKey: `shortcut:${body.action_ts}:${body.user.id}`,
    channel: channelRef(team, body.channel.id, body.channel.name),
    user: userRef(team, body.user.id, body.user.name),
    replyTo: { channel: body.channel.id, user: body.user.id, ...(body.response_url ? { responseUrl: body.response_url } : {}) },
  };
}

function reactionGesture(body: Body, gate: GateContext): Gesture | undefined {
  const event = body.event;
  if (event?.type !== 'reaction_added' && event?.type !== 'reaction_removed') return undefined;
  // Every reaction in every channel arrives here: the others are dropped before anything is recorded.
  const emoji = unicodeOf(String(event.reaction));
  const added = event.type === 'reaction_added';
  if (event.item?.type !== 'message' || event.user === gate.botUserId || !(added ? gate.reactions : gate.removals).has(emoji)) return undefined;
  const team = String(body.team_id);
  return {
    kind: 'reaction',
    emoji,
    added,
    messageId: String(event.item.ts),
    deliveryKey: `event:${body.event_id}`,
    channel: channelRef(team, event.item.channel),
    user: userRef(team, event.user),
    replyTo: { channel: event.item.channel, user: event.user },
  };
}
