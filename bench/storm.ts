/**
 * B4: a reaction storm. 10,000 RSVP reactions from 3,000 people on 20 announced meetups, 10% of
 * them delivered twice (as redeliveries are), 50 in flight, through the port every adapter calls
 * (handle), until Relais has worked them all. Counts what was lost or doubled and how often each
 * announcement was edited.
 */
import { buildRelais } from '../src/build.ts';
import { loadConfig } from '../src/config.ts';
import type { ChannelRef } from '../src/core/platform.ts';
import type { Card } from '../src/core/card.ts';
import type { Engine } from '../src/db/client.ts';
import { rsvpEmoji } from '../src/domain/meetups/rsvp.ts';
import { createLogger } from '../src/logger.ts';
import { MemoryChat } from '../test/memory-chat/adapter.ts';
import { memoryPlatform } from '../test/memory-chat/index.ts';
import { seeded } from './random.ts';
import { ms, now, pool } from './stats.ts';

export const STORM = { events: 10_000, people: 3000, meetups: 20, redelivered: 0.1, concurrency: 50 } as const;
export type StormShape = { [K in keyof typeof STORM]: number };

/** Remembers when each announcement was edited. */
class TimedChat extends MemoryChat {
  readonly edits = new Map<string, number[]>();
  override async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    this.edits.set(messageId, [...(this.edits.get(messageId) ?? []), performance.now()]);
    await super.update(channel, messageId, card);
  }
}

export interface StormResult {
  perSecond: number;
  lost: number;
  duplicated: number;
  errors: number;
  /** The most edits any announcement received within one second, and on average per second of storm. */
  maxEditsPerSecond: number;
  meanEditsPerSecond: number;
}

/** `during` is told when the storm starts and when Relais has worked it all (bench/statements.ts counts statements in between). */
export async function benchStorm(url: string, engine: Engine, shape: StormShape = STORM, during?: { start(): void; end(): void }): Promise<StormResult> {
  const random = seeded(2026);
  const platform = { ...memoryPlatform('slack'), create: async ({ port }: { port: import('../src/core/port.ts').RelaisPort }) => new TimedChat(port, 'slack') };
  const relais = await buildRelais(loadConfig({ DATABASE_URL: url, PORT: '0', RELAIS_LOCALE: 'fr' }), { platforms: [platform], logger: createLogger('silent') });
  const chat = relais.adapters[0] as TimedChat;
  const { db } = relais;
  try {
    const channel = await db.channel.findFirstOrThrow({ where: { platform: 'slack' }, orderBy: { id: 'asc' } });
    const organizer = await db.member.findFirstOrThrow();
    const meetupIds: number[] = [];
    for (let i = 0; i < shape.meetups; i++) {
      const meetup = await db.meetup.create({
        data: { title: `Tempête ${i}`, startsAt: new Date(Date.now() + 30 * 86_400_000), timezone: 'Europe/Paris', capacity: 150, organizerId: organizer.id, channelId: channel.id },
      });
      await db.announcement.create({ data: { meetupId: meetup.id, channelId: channel.id, messageId: `storm-${i}` } });
      meetupIds.push(meetup.id);
    }
    const emojis = Object.values(rsvpEmoji);
    const events = Array.from({ length: shape.events }, (_, id) => ({ id: `storm:${engine}:${id}`, person: random.int(1, shape.people), message: random.int(0, shape.meetups - 1), emoji: random.pick(emojis) }));
    const deliveries = [...events, ...events.filter(() => random.next() < shape.redelivered)];
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }

    let refused = 0;
    during?.start();
    const start = now();
    await pool(deliveries, shape.concurrency, async (event) => {
      const receipt = await relais.port.handle({
        kind: 'reaction', emoji: event.emoji, added: true, messageId: `storm-${event.message}`, deliveryKey: event.id, replyTo: {},
        channel: { platform: 'slack', workspace: channel.workspace, externalId: channel.externalId },
        user: { platform: 'slack', workspace: channel.workspace, externalId: `STORM${event.person}`, displayName: `Personne ${event.person}` },
      });
      if (receipt === 'unavailable') refused += 1;
    });
    await relais.settle();
    const elapsed = ms(start);
    during?.end();

    const expected = new Set(events.map((event) => `${event.person}/${meetupIds[event.message]}`));
    const rsvps = await db.rsvp.findMany({ where: { meetupId: { in: meetupIds } }, include: { member: true } });
    const found = new Set(rsvps.map((rsvp) => `${rsvp.member.externalId.replace('STORM', '')}/${rsvp.meetupId}`));
    const lost = [...expected].filter((pair) => !found.has(pair)).length;
    const recorded = await db.inbound.count({ where: { key: { startsWith: `slack:storm:${engine}:` } } });
    const errors = refused + chat.of('reply').filter((sent) => sent.card?.tone === 'error').length;

    let maxEditsPerSecond = 0;
    let edits = 0;
    for (const times of chat.edits.values()) {
      edits += times.length;
      times.forEach((time, i) => {
        const within = times.slice(i).filter((other) => other - time < 1000).length;
        maxEditsPerSecond = Math.max(maxEditsPerSecond, within);
      });
    }
    return {
      perSecond: (events.length / elapsed) * 1000,
      lost,
      duplicated: Math.max(0, recorded - events.length) + (rsvps.length - found.size),
      errors,
      maxEditsPerSecond,
      meanEditsPerSecond: edits / shape.meetups / (elapsed / 1000),
    };
  } finally {
    await relais.stop();
  }
}
