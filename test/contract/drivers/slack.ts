import { slackNameOf } from '../../../adapters/slack/emoji.ts';
import { blockActionsPayload, interactionRequest, messageActionPayload, post, redelivery, viewSubmissionPayload, type SignedRequest } from '../../fakes/slack-requests.ts';
import { waitUntil } from '../../faults/wait.ts';
import { CHANNEL, SECRET, startTestbed, textOf } from '../../slack/testbed.ts';
import type { ContractDriver, Who } from '../driver.ts';

const ids: Record<Who, string> = { admin: 'U0ADMIN', member: 'U0USER' };

interface SlackBlock {
  type: string;
  elements?: Array<{ action_id: string; value: string; text?: { text?: string } }>;
}

/** Slack: signed requests to Bolt's HTTP receiver, answers read from the fake Web API and its response_urls. */
export async function slackDriver(url: string): Promise<ContractDriver> {
  const bed = await startTestbed({ engine: url.startsWith('postgres') ? 'postgres' : 'sqlite', env: { DATABASE_URL: url, LOG_LEVEL: 'silent' } });
  let last: SignedRequest | undefined;
  let stamp = 1_700_000_100;
  const lastReplies: Partial<Record<Who, { blocks?: unknown[] }>> = {};
  const sent = async (request: SignedRequest) => {
    last = request;
    return post(request);
  };
  const meetupOf = async (ts: string) => (await bed.db.announcement.findFirstOrThrow({ where: { messageId: ts } })).meetupId;
  return {
    name: 'slack', db: bed.db,
    can: { buttons: true, reactions: true, capture: true, forms: true, redelivery: true, people: true },
    async say(who, line) {
      const [, command = '', text = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      const { reply } = await bed.slash(command, text, { user: ids[who] });
      lastReplies[who] = reply;
      return textOf(reply);
    },
    async press(label, who) {
      const elements = ((lastReplies[who]?.blocks ?? []) as SlackBlock[]).filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
      const button = elements.find((element) => element.text?.text === label);
      if (!button) throw new Error(`no button ${label} on the last answer`);
      const responseUrl = bed.api.responseUrl();
      await sent(interactionRequest(bed.url, blockActionsPayload({ actionId: button.action_id, value: button.value, userId: ids[who], responseUrl }), SECRET));
      return textOf((await bed.api.waitForResponse((response) => responseUrl.endsWith(`/${response.n}`), 10_000)).body);
    },
    privateMessages: async (who) => bed.api.calls('chat.postMessage').filter((call) => call.args.channel === `D${ids[who]}`).map((call) => textOf(call.args)),
    async announcement(title) {
      let ts: string | null | undefined;
      await waitUntil(async () => Boolean(ts = (await bed.db.announcement.findFirst({ where: { meetup: { title }, messageId: { not: null } } }))?.messageId), `the announcement of ${title}`);
      return ts!;
    },
    async announcementReads(ts, pattern) {
      await bed.api.waitFor('chat.update', (call) => call.args.ts === ts && pattern.test(textOf(call.args)), 15_000);
    },
    async clickGoing(ts, who) {
      const response = await sent(interactionRequest(bed.url, blockActionsPayload({ actionId: 'meetup.rsvp.going', value: String(await meetupOf(ts)), messageTs: ts, userId: ids[who] }), SECRET));
      if (response.status !== 200) throw new Error(`click answered ${response.status}`);
    },
    async react(ts, who, emoji) {
      last = await bed.react('reaction_added', slackNameOf(emoji), ts, { user: ids[who] });
    },
    async write(who, text) {
      const ts = `${stamp++}.000100`;
      bed.api.addMessage(CHANNEL, { ts, text, user: ids[who] });
      return ts;
    },
    async capture(ts, who) {
      const responseUrl = bed.api.responseUrl();
      await sent(interactionRequest(bed.url, messageActionPayload({ callbackId: 'relais.tip.save', message: { ts, text: textOfMessage(bed, ts), user: ids.member }, userId: ids[who], responseUrl }), SECRET));
      return textOf((await bed.api.waitForResponse((response) => responseUrl.endsWith(`/${response.n}`), 10_000)).body);
    },
    async submitMeetupForm(who, title) {
      const { n } = await bed.slashOnly('/meetup', 'create', { user: ids[who] });
      const opened = await bed.api.waitFor('views.open', () => true, 10_000);
      const values = {
        title: { value: { type: 'plain_text_input', value: title } },
        date: { value: { type: 'datepicker', selected_date: '2027-01-21' } },
        time: { value: { type: 'timepicker', selected_time: '18:00' } },
        timezone: { value: { type: 'static_select', selected_option: { value: 'Europe/Paris', text: { type: 'plain_text', text: 'Europe/Paris' } } } },
        place: { value: { type: 'plain_text_input', value: 'Médiathèque' } },
        link: { value: { type: 'url_text_input', value: null } },
        capacity: { value: { type: 'number_input', value: null } },
        channels: { value: { type: 'multi_conversations_select', selected_conversations: [CHANNEL] } },
      };
      const response = await sent(interactionRequest(bed.url, viewSubmissionPayload({ callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: ids[who], values }), SECRET));
      if (response.status !== 200) throw new Error(`submission answered ${response.status}`);
      return textOf((await bed.api.waitForResponse((answer) => answer.n === n, 10_000)).body);
    },
    async redeliverLast() {
      const response = await post(redelivery(last!, 1, 'http_timeout'));
      if (response.status !== 200) throw new Error(`redelivery answered ${response.status}`);
      await bed.running.settle();
    },
    settle: () => bed.running.settle(),
    async sayDuringOutage(who, line) {
      const [, command = '', text = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      const { ack } = await bed.slashOnly(command, text, { user: ids[who] });
      return { during: textOf(JSON.parse(ack || '{}')) };
    },
    close: () => bed.close(),
  };
}

/** What a message written with `write` says, as Slack's payloads carry it. */
function textOfMessage(bed: Awaited<ReturnType<typeof startTestbed>>, ts: string): string {
  return bed.api.storedMessage(CHANNEL, ts)?.text ?? '';
}
