import { randomUUID } from 'node:crypto';
import { buildRelais, type RunningRelais } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import type { Card, CardButton } from '../../src/core/card.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { Gesture } from '../../src/core/gesture.ts';
import { plainText } from '../../src/core/plain-text.ts';
import type { Receipt } from '../../src/core/port.ts';
import type { Db, Engine } from '../../src/db/client.ts';
import { createLogger } from '../../src/logger.ts';
import { wikiConfig } from '../../src/publish/mediawiki/config.ts';
import type { SchedulerDeps } from '../../src/scheduler/context.ts';
import type { MemoryChat } from '../memory-chat/adapter.ts';
import { memoryPlatform } from '../memory-chat/index.ts';
import { createTestDatabase } from './test-database.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Speaker {
  user: string;
  channel: string;
  /** A moderator of the channel on the platform (a Slack workspace admin, a Matrix room moderator). */
  moderator: boolean;
  /** The channel is private, as its platform would say (unset: the platform does not say). */
  private?: boolean;
}

export interface Harness {
  relais: RunningRelais;
  db: Db;
  engine: Engine;
  adapter: MemoryChat;
  clock: ManualClock;
  /** What the scheduler works with, to run schedulers of a test's own. */
  scheduling: SchedulerDeps;
  /** Runs a command line ("/tip add …") as `who` and returns the replies it got, as plain text. */
  run(line: string, who?: Partial<Speaker>): Promise<string[]>;
  /** Clicks a button of a card as `who`. */
  click(button: CardButton, who?: Partial<Speaker>): Promise<string[]>;
  /** Hands any gesture to Relais (delivery key and who filled in), waits until it is worked, returns the replies. */
  gesture(what: GestureOf, who?: Partial<Speaker>): Promise<{ receipt: Receipt; replies: string[]; cards: Card[] }>;
  /** Like run, with the reply cards as they were sent. */
  cards(line: string, who?: Partial<Speaker>): Promise<Card[]>;
  close(): Promise<void>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type GestureOf = DistributiveOmit<Gesture, 'channel' | 'user' | 'replyTo' | 'channelModerator' | 'deliveryKey'> & { deliveryKey?: string };

const nameOf = (user: string) => user.replace(/^@|:.*$/g, '');

/**
 * Relais as buildRelais makes it, on a real, fresh database, serving the in-memory chat
 * (test/memory-chat): the core's behaviour without any real platform's SDK.
 */
export async function createHarness(engine: Engine, options: { env?: Record<string, string>; now?: string; platform?: string; directMessages?: boolean; schedule?: boolean } = {}): Promise<Harness> {
  const database = await createTestDatabase(engine);
  const platform = options.platform ?? 'memory';
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', RELAIS_ADMINS: `${platform}:@admin:example.org`, ...options.env }, [wikiConfig]);
  const clock = new ManualClock(new Date(options.now ?? '2026-11-30T09:00:00Z'));
  const relais = await buildRelais(config, {
    platforms: [memoryPlatform(platform, { directMessages: options.directMessages ?? true })], clock, logger: createLogger('silent'), schedule: options.schedule,
    timing: { announcer: { coalesceMs: 5, minIntervalMs: 5, sweepMs: 50 }, delivery: { sweepMs: 50, firstRetryMs: 10, maxRetryMs: 100 }, pipeline: { sweepMs: 50 } },
  });
  const adapter = relais.adapters[0] as MemoryChat;
  const gesture: Harness['gesture'] = async (what, who = {}) => {
    const user = who.user ?? '@alice:example.org';
    adapter.people.set(user, nameOf(user));
    const deliveryKey = what.deliveryKey ?? randomUUID();
    const channel = who.channel ?? '!room:example.org';
    const receipt = await relais.port.handle({
      ...what,
      deliveryKey,
      channel: { platform, workspace: 'example.org', externalId: channel, ...(who.private === undefined ? {} : { private: who.private }) },
      user: { platform, workspace: 'example.org', externalId: user, displayName: nameOf(user) },
      channelModerator: who.moderator ?? false,
      replyTo: { channel },
    } as Gesture);
    await relais.settle();
    const prefix = `reply:${platform}:${deliveryKey}:`;
    const cards = adapter.of('reply').filter((sent) => sent.key?.startsWith(prefix)).map((sent) => sent.card!);
    return { receipt, cards, replies: cards.map((card) => plainText(card)) };
  };
  return {
    relais, db: relais.db, engine, adapter, clock, gesture, scheduling: relais.scheduling,
    async run(line, who) {
      const [, command = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      return (await gesture({ kind: 'command', command, text }, who)).replies;
    },
    async cards(line, who) {
      const [, command = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      return (await gesture({ kind: 'command', command, text }, who)).cards;
    },
    async click(button, who) {
      return (await gesture({ kind: 'action', actionId: button.actionId, value: button.value }, who)).replies;
    },
    async close() {
      await relais.stop();
      await database.close();
    },
  };
}
