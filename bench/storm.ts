/**
 * B4: a reaction storm. 10,000 RSVP reactions from 3,000 people on 20 announced meetups, 10% of
 * them delivered twice (as redeliveries are), 50 in flight, through the core's entry points as
 * every adapter calls them (firstDelivery, then reaction). Counts what was lost or doubled and how
 * often each announcement was edited.
 */
import { createRegistry } from '../src/commands/index.ts';
import { loadConfig } from '../src/config.ts';
import type { Conversation } from '../src/core/adapter.ts';
import { systemClock } from '../src/core/clock.ts';
import { Messenger } from '../src/core/messenger.ts';
import type { Db, Engine } from '../src/db/client.ts';
import { Announcer } from '../src/domain/meetups/announcer.ts';
import { rsvpEmoji } from '../src/domain/meetups/view.ts';
import { createLogger } from '../src/logger.ts';
import { Relais } from '../src/relais.ts';
import { RecordingAdapter } from '../test/fakes/recording-adapter.ts';
import { seeded } from './random.ts';
import { ms, now, pool } from './stats.ts';

export const STORM = { events: 10_000, people: 3000, meetups: 20, redelivered: 0.1, concurrency: 50 } as const;

/** Remembers when each announcement was edited. */
class TimedAdapter extends RecordingAdapter {
  readonly edits = new Map<string, number[]>();
  override async update(...args: Parameters<RecordingAdapter['update']>): Promise<void> {
    const [, messageId] = args;
    this.edits.set(messageId, [...(this.edits.get(messageId) ?? []), performance.now()]);
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

export async function benchStorm(db: Db, engine: Engine): Promise<StormResult> {
  const random = seeded(2026);
  const config = loadConfig({ RELAIS_LOCALE: 'fr' });
  const logger = createLogger('silent');
  const messenger = new Messenger();
  const adapter = new TimedAdapter('slack');
  messenger.register(adapter);
  const announcer = new Announcer({ db, messenger, clock: systemClock, logger, config });
  const relais = new Relais({ db, engine, config, clock: systemClock, logger, messenger, announcer }, createRegistry());

  const channel = await db.channel.findFirstOrThrow({ where: { platform: 'slack' }, orderBy: { id: 'asc' } });
  const organizer = await db.member.findFirstOrThrow();
  const meetupIds: number[] = [];
  for (let i = 0; i < STORM.meetups; i++) {
    const meetup = await db.meetup.create({
      data: { title: `Tempête ${i}`, startsAt: new Date(Date.now() + 30 * 86_400_000), timezone: 'Europe/Paris', capacity: 150, organizerId: organizer.id, channelId: channel.id },
    });
    await db.announcement.create({ data: { meetupId: meetup.id, channelId: channel.id, messageId: `storm-${i}` } });
    meetupIds.push(meetup.id);
  }
  const emojis = Object.values(rsvpEmoji);
  const events = Array.from({ length: STORM.events }, (_, id) => ({ id: `storm:${engine}:${id}`, person: random.int(1, STORM.people), message: random.int(0, STORM.meetups - 1), emoji: random.pick(emojis) }));
  const deliveries = [...events, ...events.filter(() => random.next() < STORM.redelivered)];
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  const conversation = (person: number): Conversation => ({
    channel: { platform: 'slack', workspace: channel.workspace, externalId: channel.externalId },
    user: { platform: 'slack', workspace: channel.workspace, externalId: `STORM${person}`, displayName: `Personne ${person}` },
  });

  let applied = 0;
  let errors = 0;
  const start = now();
  await pool(deliveries, STORM.concurrency, async (event) => {
    if (!(await relais.firstDelivery(event.id))) return;
    applied += 1;
    const replies = await relais.reaction(conversation(event.person), { messageId: `storm-${event.message}`, emoji: event.emoji, added: true, loadMessage: async () => undefined });
    if (replies.some((reply) => reply.card.tone === 'error')) errors += 1;
  });
  const elapsed = ms(start);
  await announcer.stop();

  const expected = new Set(events.map((event) => `${event.person}/${meetupIds[event.message]}`));
  const rsvps = await db.rsvp.findMany({ where: { meetupId: { in: meetupIds } }, include: { member: true } });
  const found = new Set(rsvps.map((rsvp) => `${rsvp.member.externalId.replace('STORM', '')}/${rsvp.meetupId}`));
  const lost = [...expected].filter((pair) => !found.has(pair)).length;
  const recorded = await db.processedEvent.count({ where: { key: { startsWith: `storm:${engine}:` } } });

  let maxEditsPerSecond = 0;
  let edits = 0;
  for (const times of adapter.edits.values()) {
    edits += times.length;
    times.forEach((time, i) => {
      const within = times.slice(i).filter((other) => other - time < 1000).length;
      maxEditsPerSecond = Math.max(maxEditsPerSecond, within);
    });
  }
  return {
    perSecond: (events.length / elapsed) * 1000,
    lost,
    duplicated: Math.max(0, applied - events.length) + Math.max(0, recorded - events.length) + (rsvps.length - found.size),
    errors,
    maxEditsPerSecond,
    meanEditsPerSecond: edits / STORM.meetups / (elapsed / 1000),
  };
}
