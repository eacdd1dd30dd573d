import { randomUUID } from 'node:crypto';
import type { Card } from '../../../src/core/card.ts';
import type { Gesture } from '../../../src/core/gesture.ts';
import { plainText } from '../../../src/core/plain-text.ts';
import { startRelais } from '../../../src/main.ts';
import type { MemoryChat } from '../../memory-chat/adapter.ts';
import { memoryPlatform } from '../../memory-chat/index.ts';
import { waitUntil } from '../../faults/wait.ts';
import type { ContractDriver, Who } from '../driver.ts';

const ids: Record<Who, string> = { admin: '@root:example.org', member: '@ana:example.org' };
const channel = { platform: 'memory', workspace: 'example.org', externalId: '!general:example.org', name: 'general' };

/** The in-memory chat of test/memory-chat: a platform made of one folder, served by an unchanged src/. */
export async function memoryDriver(url: string): Promise<ContractDriver> {
  const running = await startRelais({
    env: { DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', RELAIS_ADMINS: `memory:${ids.admin}` },
    platforms: [memoryPlatform()],
    timing: { announcer: { coalesceMs: 10, minIntervalMs: 20, sweepMs: 100 }, delivery: { sweepMs: 100, firstRetryMs: 20 }, pipeline: { sweepMs: 100 } },
  });
  const chat = running.adapters[0] as MemoryChat;
  let last: Gesture | undefined;
  const lastCards: Partial<Record<Who, Card[]>> = {};
  const send = async (who: Who, what: Record<string, unknown>) => {
    const gesture = { ...what, deliveryKey: randomUUID(), channel, user: { platform: 'memory', workspace: 'example.org', externalId: ids[who], displayName: who }, replyTo: { channel: channel.externalId } } as unknown as Gesture;
    last = gesture;
    const receipt = await running.port.handle(gesture);
    await running.settle();
    const cards = chat.of('reply').filter((sent) => sent.key?.startsWith(`reply:memory:${gesture.deliveryKey}:`)).map((sent) => sent.card!);
    lastCards[who] = cards;
    return { receipt, text: cards.map((card) => plainText(card)).join('\n') };
  };
  const copies = (messageId: string) => chat.sent.filter((sent) => (sent.kind === 'post' || sent.kind === 'update') && sent.messageId === messageId);
  return {
    name: 'memory', db: running.db,
    can: { buttons: true, reactions: true, capture: true, forms: false, redelivery: true, people: true },
    say: async (who, line) => {
      const [, command = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      return (await send(who, { kind: 'command', command, text })).text;
    },
    async announcement(title) {
      let id: string | undefined;
      await waitUntil(() => Boolean(id = chat.of('post').find((post) => plainText(post.card!).includes(title))?.messageId), `the announcement of ${title}`);
      return id!;
    },
    announcementReads: (messageId, pattern) => waitUntil(() => pattern.test(plainText(copies(messageId).at(-1)!.card!)), `announcement ${messageId} to read ${pattern}`),
    async press(label, who) {
      const button = (lastCards[who] ?? []).flatMap((card) => card.buttons ?? []).find((candidate) => candidate.label === label);
      if (!button) throw new Error(`no button ${label} on the last answer`);
      return (await send(who, { kind: 'action', actionId: button.actionId, value: button.value })).text;
    },
    privateMessages: async (who) => chat.of('direct').filter((sent) => sent.target === ids[who]).map((sent) => plainText(sent.card!)),
    async clickGoing(messageId, who) {
      const button = copies(messageId).at(-1)!.card!.buttons!.find((candidate) => candidate.actionId === 'meetup.rsvp.going')!;
      await send(who, { kind: 'action', actionId: button.actionId, value: button.value });
    },
    react: async (messageId, who, emoji) => void (await send(who, { kind: 'reaction', emoji, added: true, messageId })),
    async write(who, text) {
      const messageId = `said-${randomUUID()}`;
      chat.messages.set(messageId, { messageId, text, author: { platform: 'memory', workspace: 'example.org', externalId: ids[who], displayName: who }, permalink: `memory://${messageId}` });
      return messageId;
    },
    capture: async (messageId, who) => (await send(who, { kind: 'capture', message: chat.messages.get(messageId)! })).text,
    async redeliverLast() {
      await running.port.handle(last!);
      await running.settle();
    },
    settle: () => running.settle(),
    async sayDuringOutage(who, line) {
      const [, command = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      const { receipt, text: answer } = await send(who, { kind: 'command', command, text });
      return { during: receipt === 'unavailable' ? plainText(running.port.unavailableCard()) : answer };
    },
    close: () => running.stop(),
  };
}
