import { createRegistry } from '../../src/commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { Conversation, Platform } from '../../src/core/adapter.ts';
import type { Clock } from '../../src/core/clock.ts';
import { Messenger } from '../../src/core/messenger.ts';
import { plainText } from '../../src/core/plain-text.ts';
import type { Engine } from '../../src/db/client.ts';
import { Announcer } from '../../src/domain/meetups/announcer.ts';
import { createLogger } from '../../src/logger.ts';
import { Relais } from '../../src/relais.ts';
import type { Services } from '../../src/services.ts';
import { RecordingAdapter } from '../fakes/recording-adapter.ts';
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

export interface Harness {
  services: Services;
  relais: Relais;
  adapter: RecordingAdapter;
  clock: ManualClock;
  /** Runs a command line ("/tip add …") as `user` and returns the replies as plain text. */
  run(line: string, who?: Partial<Speaker>): Promise<string[]>;
  conversation(who?: Partial<Speaker>): Conversation;
  close(): Promise<void>;
}

export interface Speaker {
  user: string;
  channel: string;
  moderator: boolean;
}

/** Relais's real services on a real, fresh database, talking to a recording platform. */
export async function createHarness(engine: Engine, options: { env?: Record<string, string>; now?: string; platform?: Platform } = {}): Promise<Harness> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({ RELAIS_ADMINS: 'matrix:@admin:example.org', ...options.env });
  const logger = createLogger('silent');
  const clock = new ManualClock(new Date(options.now ?? '2026-11-30T09:00:00Z'));
  const messenger = new Messenger();
  const platform = options.platform ?? 'matrix';
  const adapter = new RecordingAdapter(platform);
  messenger.register(adapter);
  const announcer = new Announcer({ db: database.db, messenger, clock, logger, config }, { coalesceMs: 5, minIntervalMs: 5, sweepMs: 50 });
  const services: Services = { db: database.db, engine, config, clock, logger, messenger, announcer };
  const relais = new Relais(services, createRegistry());
  const conversation = (who: Partial<Speaker> = {}): Conversation => ({
    channel: { platform, workspace: 'example.org', externalId: who.channel ?? '!room:example.org' },
    user: { platform, workspace: 'example.org', externalId: who.user ?? '@alice:example.org', displayName: (who.user ?? '@alice:example.org').replace(/^@|:.*$/g, '') },
    isChannelModerator: who.moderator ?? false,
  });
  return {
    services,
    relais,
    adapter,
    clock,
    conversation,
    async run(line, who) {
      const [, name = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      const replies = await relais.command(conversation(who), name, text, '/');
      return replies.map((reply) => plainText(reply.card));
    },
    async close() {
      await announcer.stop();
      await database.close();
    },
  };
}
