/**
 * Builders for what Slack POSTs to an HTTP app (slash commands, Events API, interactivity), signed
 * the way Slack signs them, so tests hit the real Bolt receiver with realistic requests.
 * Shapes follow docs.slack.dev payload references, trimmed to the fields apps read.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface SignedRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface SignOptions {
  secret: string;
  /** Unix seconds; default now. Bolt rejects anything older than 5 minutes. */
  timestamp?: number;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  headers?: Record<string, string>;
}

const FORM = 'application/x-www-form-urlencoded' as const;
const JSON_TYPE = 'application/json' as const;

/** `X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + rawBody))`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedRequest(url: string, body: string, opts: SignOptions): SignedRequest {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    url, method: 'POST', body,
    headers: {
      'Content-Type': opts.contentType,
      'X-Slack-Request-Timestamp': String(ts),
      'X-Slack-Signature': slackSignature(opts.secret, ts, body),
      ...opts.headers,
    },
  };
}

/** Slack's redelivery of an event it thinks failed; the signature does not cover these headers. */
export function redelivery(req: SignedRequest, retryNum = 1, reason = 'http_timeout'): SignedRequest {
  return { ...req, headers: { ...req.headers, 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': reason } };
}

/** Sends a built request with fetch. */
export function post(req: SignedRequest): Promise<Response> {
  return fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
}

// ---- slash commands --------------------------------------------------------------------------

export interface SlashCommand {
  command: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  /** Required on purpose: a default would send Bolt's respond() to the real Slack. Use api.responseUrl(). */
  response_url: string;
  trigger_id?: string;
  api_app_id?: string;
}

export function slashCommandBody(cmd: SlashCommand): string {
  const fields = {
    token: 'deprecated-verification-token', team_id: 'T0FAKE', team_domain: 'fake', channel_id: 'C0FAKE',
    channel_name: 'general', user_id: 'U0USER', user_name: 'ana', text: '', api_app_id: 'A0FAKE',
    is_enterprise_install: 'false', trigger_id: triggerId(), ...cmd,
  };
  return new URLSearchParams(fields).toString();
}

export function slashCommandRequest(url: string, cmd: SlashCommand, secret: string): SignedRequest {
  return signedRequest(url, slashCommandBody(cmd), { secret, contentType: FORM });
}

// ---- Events API ------------------------------------------------------------------------------

export interface EventOptions {
  teamId?: string;
  eventId?: string;
  eventTime?: number;
}

export function eventCallbackBody(event: Record<string, unknown>, opts: EventOptions = {}): string {
  const teamId = opts.teamId ?? 'T0FAKE';
  return JSON.stringify({
    token: 'deprecated-verification-token', team_id: teamId, api_app_id: 'A0FAKE', type: 'event_callback',
    event, event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: opts.eventTime ?? Math.floor(Date.now() / 1000), event_context: `4-${randomUUID()}`,
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

export interface ReactionEvent {
  user?: string;
  reaction?: string;
  channel: string;
  /** ts of the message reacted to. */
  ts: string;
  itemUser?: string;
}

export function reactionEvent(type: 'reaction_added' | 'reaction_removed', r: ReactionEvent): Record<string, unknown> {
  return {
    type, user: r.user ?? 'U0USER', reaction: r.reaction ?? 'thumbsup', item_user: r.itemUser ?? 'U0BOT',
    item: { type: 'message', channel: r.channel, ts: r.ts }, event_ts: `${Date.now() / 1000}`,
  };
}

export function eventRequest(url: string, event: Record<string, unknown>, secret: string, opts?: EventOptions): SignedRequest {
  return signedRequest(url, eventCallbackBody(event, opts), { secret, contentType: JSON_TYPE });
}

export function urlVerificationRequest(url: string, challenge: string, secret: string): SignedRequest {
  const body = JSON.stringify({ token: 'deprecated-verification-token', challenge, type: 'url_verification' });
  return signedRequest(url, body, { secret, contentType: JSON_TYPE });
}

// ---- interactivity ---------------------------------------------------------------------------

/** Interactivity arrives as a form with one field, `payload`, holding JSON. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function interactionRequest(url: string, payload: Record<string, unknown>, secret: string): SignedRequest {
  return signedRequest(url, interactionBody(payload), { secret, contentType: FORM });
}

interface Who {
  userId?: string;
  teamId?: string;
}

const user = (w: Who) => ({ id: w.userId ?? 'U0USER', username: 'ana', name: 'ana', team_id: w.teamId ?? 'T0FAKE' });
const team = (w: Who) => ({ id: w.teamId ?? 'T0FAKE', domain: 'fake' });

export interface BlockAction extends Who {
  actionId: string;
  value?: string;
  blockId?: string;
  channel?: string;
  messageTs?: string;
  responseUrl?: string;
}

export function blockActionsPayload(a: BlockAction): Record<string, unknown> {
  const channel = a.channel ?? 'C0FAKE';
  const ts = a.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions', user: user(a), team: team(a), api_app_id: 'A0FAKE', token: 'deprecated-verification-token',
    trigger_id: triggerId(), container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'general' }, message: { type: 'message', ts, user: 'U0BOT', text: '' },
    ...(a.responseUrl ? { response_url: a.responseUrl } : {}),
    actions: [{ type: 'button', action_id: a.actionId, block_id: a.blockId ?? 'b1', value: a.value ?? '',
      text: { type: 'plain_text', text: 'button' }, action_ts: `${Date.now() / 1000}` }],
  };
}

export interface ViewSubmission extends Who {
  callbackId: string;
  privateMetadata?: string;
  /** view.state.values: block_id → action_id → { type, value | selected_… }. */
  values?: Record<string, Record<string, Record<string, unknown>>>;
  viewId?: string;
}

export function viewSubmissionPayload(v: ViewSubmission): Record<string, unknown> {
  return {
    type: 'view_submission', user: user(v), team: team(v), api_app_id: 'A0FAKE', trigger_id: triggerId(),
    view: { id: v.viewId ?? 'V0FAKE', type: 'modal', callback_id: v.callbackId, private_metadata: v.privateMetadata ?? '',
      team_id: v.teamId ?? 'T0FAKE', hash: `${Date.now()}.abc`, state: { values: v.values ?? {} }, blocks: [] },
    response_urls: [], is_enterprise_install: false,
  };
}

export interface MessageAction extends Who {
  callbackId: string;
  channel?: string;
  message: { ts: string; text?: string; user?: string };
  responseUrl?: string;
}

/** A message shortcut ("…" menu on a message). */
export function messageActionPayload(m: MessageAction): Record<string, unknown> {
  return {
    type: 'message_action', callback_id: m.callbackId, user: user(m), team: team(m), api_app_id: 'A0FAKE',
    token: 'deprecated-verification-token', trigger_id: triggerId(), action_ts: `${Date.now() / 1000}`,
    channel: { id: m.channel ?? 'C0FAKE', name: 'general' }, message_ts: m.message.ts,
    message: { type: 'message', ts: m.message.ts, text: m.message.text ?? '', user: m.message.user ?? 'U0USER' },
    ...(m.responseUrl ? { response_url: m.responseUrl } : {}),
  };
}

function triggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomUUID().replace(/-/g, '')}`;
}
