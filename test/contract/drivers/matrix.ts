import type { MatrixEvent } from '../../fakes/matrix-homeserver.ts';
import { waitUntil } from '../../faults/wait.ts';
import { bodyOf, matrixPlatform, type Person } from '../../permissions/platforms.ts';
import type { TestDatabase } from '../../support/test-database.ts';
import type { ContractDriver, Who } from '../driver.ts';

const people: Record<Who, Person> = { admin: 'admin', member: 'member' };
const relation = (event: MatrixEvent) => event.content['m.relates_to'] as { rel_type?: string; event_id?: string } | undefined;

/** Matrix: events sent to the fake homeserver as the room's people; answers read from the room's timeline. */
export async function matrixDriver(url: string, database: TestDatabase): Promise<ContractDriver> {
  const p = await matrixPlatform(database.engine, { database, env: { DATABASE_URL: url } });
  const room = p.rooms.main;
  const fromBot = (event: MatrixEvent) => event.sender === p.bot.userId;
  return {
    name: 'matrix', db: p.db,
    can: { buttons: false, reactions: true, capture: true, forms: false, redelivery: false, people: true },
    async privateMessages(who) {
      // Direct rooms are the ones the bot records in its m.direct account data, as clients expect.
      const response = await fetch(`${p.hs.url}/_matrix/client/v3/user/${encodeURIComponent(p.bot.userId)}/account_data/m.direct`, { headers: { authorization: `Bearer ${p.bot.token}` } });
      const direct = response.ok ? ((await response.json()) as Record<string, string[]>) : {};
      return (direct[p.people[people[who]].userId] ?? []).flatMap((roomId) => p.hs.timeline(roomId).filter((e) => fromBot(e) && e.type === 'm.room.message').map(bodyOf));
    },
    say: (who, line) => p.say(people[who], line),
    async announcement(title) {
      const event = await p.hs.waitForEvent(room, (e) => fromBot(e) && e.type === 'm.room.message' && !relation(e) && bodyOf(e).includes(title), 10_000);
      return event.event_id;
    },
    async announcementReads(eventId, pattern) {
      await p.hs.waitForEvent(room, (e) => fromBot(e) && relation(e)?.rel_type === 'm.replace' && relation(e)?.event_id === eventId && pattern.test(bodyOf(e)), 10_000);
    },
    async react(eventId, who, emoji) {
      p.hs.react(room, p.people[people[who]].userId, eventId, emoji);
    },
    write: async (who, text) => p.hs.sendMessage(room, p.people[people[who]].userId, text),
    async capture(eventId, who) {
      // On Matrix, the tip emoji on the message is the way to keep it.
      p.hs.react(room, p.people[people[who]].userId, eventId, '💡');
      const answer = await p.hs.waitForEvent(room, (e) => fromBot(e) && p.answersTo(room, eventId).some((reply) => reply.event_id === e.event_id), 10_000);
      return bodyOf(answer);
    },
    async settle() {
      await waitUntil(async () => (await p.db.inbound.count({ where: { status: 'pending' } })) === 0, 'the gestures to be worked');
      await p.running.settle();
    },
    async sayDuringOutage(who, line) {
      const eventId = p.hs.sendMessage(room, p.people[people[who]].userId, line.replace(/^\//, '!'));
      const answers = () => p.answersTo(room, eventId).map(bodyOf);
      await waitUntil(() => answers().length > 0, 'an answer during the outage');
      return {
        during: answers()[0]!,
        after: async () => {
          await waitUntil(() => answers().length > 1, 'the answer after the outage', 30_000);
          return answers()[1]!;
        },
      };
    },
    close: () => p.close(),
  };
}
