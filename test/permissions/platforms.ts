/**
 * Relais started as `npm start` starts it (startRelais + env) on Slack or on Matrix against the
 * local fakes, and one way to speak to it on both: `say(person, line)` sends "/tip add …" as a
 * signed slash command or as "!tip add …" in a Matrix room, and resolves with the text the person
 * reads. Used by the permission, fault and hostile-input suites.
 */
import type { RunningRelais } from '../../src/build.ts';
import { startRelais } from '../../src/main.ts';
import type { Db, Engine } from '../../src/db/client.ts';
import { FakeHomeserver, type FakeUser, type MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { startTestbed, textOf, type Testbed } from '../slack/testbed.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The standings a permission test needs, the same on both platforms: `moderator` holds the role in
 * the network (granted in Relais); `roomModerator` moderates the room on the platform only (a Slack
 * workspace admin, the Matrix room's creator); `admin` is in RELAIS_ADMINS.
 */
export type Person = 'member' | 'organizer' | 'moderator' | 'roomModerator' | 'admin' | 'other';
export type Place = 'main' | 'second';

export interface ChatPlatform {
  name: 'slack' | 'matrix';
  db: Db;
  running: RunningRelais;
  /** How `/relais role grant …` names this person on this platform. */
  mention(person: Person): string;
  /** Sends a command line ("/tip add …") as `person` in `place` and resolves with the answer's text. */
  say(person: Person, line: string, place?: Place): Promise<string>;
  close(): Promise<void>;
}

const parse = (line: string) => {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) throw new Error(`not a command line: ${line}`);
  return { command: match[1]!, text: match[2]! };
};

export const slackIds: Record<Person, string> = { member: 'U0USER', organizer: 'U0BEA', moderator: 'U0MOD', roomModerator: 'U0ADMIN', admin: 'U0ROOT', other: 'U0DAN' };
const slackChannels: Record<Place, string> = { main: 'C0FAKE', second: 'C0OTHER' };

/** Slack over its HTTP receiver: the room moderator is a workspace admin (users.info is_admin), the admin is in RELAIS_ADMINS. */
export async function slackPlatform(engine: Engine, env: Record<string, string> = {}): Promise<ChatPlatform & { bed: Testbed }> {
  const bed = await startTestbed({
    engine,
    env: { RELAIS_ADMINS: `slack:${slackIds.admin}`, LOG_LEVEL: 'silent', ...env },
    api: { users: { U0USER: 'Ana', U0BEA: 'Béa', U0MOD: 'Maud', U0ADMIN: 'Chloé', U0ROOT: 'Root', U0DAN: 'Dan' }, admins: [slackIds.roomModerator] },
  });
  return {
    name: 'slack',
    bed,
    db: bed.db,
    running: bed.running,
    mention: (person) => `<@${slackIds[person]}>`,
    async say(person, line, place = 'main') {
      const { command, text } = parse(line);
      // Generous: under test a Web API call may be retried after Retry-After.
      const { n } = await bed.slashOnly(`/${command}`, text, { user: slackIds[person], channel: slackChannels[place] });
      return textOf((await bed.api.waitForResponse((response) => response.n === n, 20_000)).body);
    },
    close: () => bed.close(),
  };
}

export interface MatrixPlatform extends ChatPlatform {
  hs: FakeHomeserver;
  bot: FakeUser;
  people: Record<Person, FakeUser>;
  rooms: Record<Place, string>;
  /** Starts Relais again on the same database and homeserver. */
  restart(): Promise<void>;
  /** The bot's answers (replies) to one event. */
  answersTo(roomId: string, eventId: string): MatrixEvent[];
}

const inReplyTo = (event: MatrixEvent): unknown =>
  (event.content['m.relates_to'] as { 'm.in_reply_to'?: { event_id?: unknown } } | undefined)?.['m.in_reply_to']?.event_id;

/** The text a Matrix reader sees: an edit's new content, else the notice's body. */
export function bodyOf(event: MatrixEvent): string {
  const content = event.content as { body?: unknown; 'm.new_content'?: { body?: unknown } };
  return String(content['m.new_content']?.body ?? content.body ?? '');
}

export interface MatrixOptions {
  env?: Record<string, string>;
  /** A database of the caller's (kept open at close). */
  database?: TestDatabase;
  /** Puts something between Relais and the homeserver: receives its URL, returns the one Relais uses. */
  via?: (homeserverUrl: string) => Promise<string>;
  /** The rooms' version: from 12, their creator has unlimited power and no power level. */
  roomVersion?: '10' | '12';
}

/**
 * Matrix against the fake homeserver: rooms created by the room moderator (power level 100, or
 * a creator's unlimited power from room version 12), everyone else at 0; the admin is in
 * RELAIS_ADMINS with power level 0.
 */
export async function matrixPlatform(engine: Engine, options: MatrixOptions = {}): Promise<MatrixPlatform> {
  const { env = {}, database } = options;
  const owned = !database;
  const db = database ?? (await createTestDatabase(engine));
  const hs = await FakeHomeserver.start({ log: () => {} });
  const homeserverUrl = options.via ? await options.via(hs.url) : hs.url;
  const bot = hs.createUser('relais', { displayName: 'Relais' });
  const people: Record<Person, FakeUser> = {
    member: hs.createUser('ana', { displayName: 'Ana' }),
    organizer: hs.createUser('bea', { displayName: 'Béa' }),
    moderator: hs.createUser('maud', { displayName: 'Maud' }),
    roomModerator: hs.createUser('chloe', { displayName: 'Chloé' }),
    admin: hs.createUser('root', { displayName: 'Root' }),
    other: hs.createUser('dan', { displayName: 'Dan' }),
  };
  const launch = () => startRelais({
    env: {
      DATABASE_URL: db.url, MATRIX_HOMESERVER_URL: homeserverUrl, MATRIX_ACCESS_TOKEN: bot.token, MATRIX_AUTOJOIN: people.roomModerator.userId,
      MATRIX_RATE: '50', PORT: '0', LOG_LEVEL: process.env.FAULT_LOG ?? 'silent', RELAIS_ADMINS: `matrix:${people.admin.userId}`, ...env,
    },
    timing: { announcer: { coalesceMs: 20, minIntervalMs: 50, sweepMs: 100 }, delivery: { sweepMs: 100 }, pipeline: { sweepMs: 100 } },
  });
  let running = await launch();
  const room = async (name: string) => {
    const roomId = hs.createRoom(people.roomModerator.userId, { name, version: options.roomVersion ?? '10' });
    hs.invite(roomId, people.roomModerator.userId, bot.userId);
    await hs.waitForEvent(roomId, (e) => e.type === 'm.room.member' && e.state_key === bot.userId && e.content.membership === 'join');
    for (const person of ['member', 'organizer', 'moderator', 'admin', 'other'] as const) {
      hs.invite(roomId, people.roomModerator.userId, people[person].userId);
      hs.join(roomId, people[person].userId);
    }
    return roomId;
  };
  const rooms: Record<Place, string> = { main: await room('Général'), second: await room('Autre') };
  return {
    name: 'matrix',
    hs, bot, people, rooms,
    db: db.db,
    get running() { return running; },
    mention: (person) => people[person].userId,
    async say(person, line, place = 'main') {
      const eventId = hs.sendMessage(rooms[place], people[person].userId, line.replace(/^\//, '!'));
      const reply = await hs.waitForEvent(rooms[place], (event) => event.sender === bot.userId && inReplyTo(event) === eventId, 10_000);
      return bodyOf(reply);
    },
    answersTo: (roomId, eventId) => hs.timeline(roomId).filter((event) => event.sender === bot.userId && inReplyTo(event) === eventId),
    async restart() {
      await running.stop();
      running = await launch();
    },
    async close() {
      await running.stop();
      await hs.close();
      if (owned) await db.close();
    },
  };
}
