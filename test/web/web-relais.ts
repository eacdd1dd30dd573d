import { randomUUID } from 'node:crypto';
import type { RunningRelais } from '../../src/build.ts';
import type { Gesture } from '../../src/core/gesture.ts';
import { plainText } from '../../src/core/plain-text.ts';
import type { Engine } from '../../src/db/client.ts';
import { createMeetup } from '../../src/domain/meetups/service.ts';
import { startRelais } from '../../src/main.ts';
import type { MemoryChat } from '../memory-chat/adapter.ts';
import { memoryPlatform } from '../memory-chat/index.ts';
import { ManualClock } from '../support/harness.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** The chat the web tests' people write in; its default user runs Relais (an admin). */
const platform = 'console';
const idOf = (user: string) => user.toLowerCase().replace(/\W+/g, '.');

export const publicUrl = 'http://relais.test';
/** "Now" for every web test, so upcoming and past stay where the assertions expect them. */
export const now = '2026-11-30T09:00:00Z';

export interface WebRelais {
  running: RunningRelais;
  /** http://127.0.0.1:<port> */
  base: string;
  databaseUrl: string;
  /** Runs a command as `user` in `channel` (Alice Martin, the default, runs Relais: an admin) and returns the replies as text. */
  run(line: string, who?: { user?: string; channel?: string }): Promise<string[]>;
  close(): Promise<void>;
}

/** Relais started as `npm start` starts it (an env object, a fresh migrated database), serving the in-memory chat. */
export async function startWebRelais(engine: Engine, env: Record<string, string> = {}): Promise<WebRelais> {
  const database = await createTestDatabase(engine);
  const running = await startRelais({
    env: { DATABASE_URL: database.url, PORT: '0', RELAIS_PUBLIC_URL: publicUrl, LOG_LEVEL: 'silent', RELAIS_ADMINS: `${platform}:${idOf('Alice Martin')}`, ...env },
    platforms: [memoryPlatform(platform)],
    clock: new ManualClock(new Date(now)),
  });
  const chat = running.adapters[0] as MemoryChat;
  return {
    running,
    base: `http://127.0.0.1:${running.httpPort}`,
    databaseUrl: database.url,
    async run(line, who = {}) {
      const [, command = '', text = ''] = /^\/(\S+)\s*([\s\S]*)$/.exec(line) ?? [];
      const user = who.user ?? 'Alice Martin';
      const channel = who.channel ?? 'general';
      const deliveryKey = randomUUID();
      const gesture: Gesture = {
        kind: 'command', command, text, deliveryKey, replyTo: { channel },
        channel: { platform, workspace: 'local', externalId: channel, name: channel },
        user: { platform, workspace: 'local', externalId: idOf(user), displayName: user },
      };
      await running.port.handle(gesture);
      await running.settle();
      return chat.of('reply').filter((sent) => sent.key?.startsWith(`reply:${platform}:${deliveryKey}:`)).map((sent) => plainText(sent.card!));
    },
    async close() {
      await running.stop();
      await database.close();
    },
  };
}

/** The number in "Astuce n°12 enregistrée" / "Rencontre n°3 créée". */
export function idIn(reply: string | undefined): number {
  const id = /n°(\d+)/.exec(reply ?? '')?.[1];
  if (!id) throw new Error(`no id in reply: ${reply}`);
  return Number(id);
}

export const hostileText = '<script>alert(1)</script> [clic](javascript:alert(1)) <img src=x onerror=alert(2)> #securite';

/**
 * The shared data set: two networks, tips with accents, tags, votes, a hidden tip and a hostile
 * one; meetups upcoming (one full with a waitlist, one in the DST week), cancelled, and past.
 */
export async function seed(relais: WebRelais) {
  await relais.run('/relais network cartes Cartes et territoires', { channel: 'cartes' });
  await relais.run('/relais network ecoles Écoles numériques', { channel: 'ecoles' });
  const reunion = idIn((await relais.run('/tip add Réunion d’équipe : un minuteur visible aide à finir à l’heure #reunions #outils', { channel: 'cartes' }))[0]);
  const umap = idIn((await relais.run('/tip add Cartographie libre avec uMap pour les ateliers #cartes #outils', { channel: 'cartes', user: 'Bruno Dupont' }))[0]);
  const ent = idIn((await relais.run('/tip add Les comptes ENT des élèves se réinitialisent au guichet #ecoles', { channel: 'ecoles', user: 'Chloé Bernard' }))[0]);
  const hostile = idIn((await relais.run(`/tip add ${hostileText}`, { channel: 'ecoles', user: 'Mallory <b>Evil</b>' }))[0]);
  const hidden = idIn((await relais.run('/tip add Réunion secrète à ne pas publier #reunions', { channel: 'cartes' }))[0]);
  await relais.run(`/tip delete ${hidden}`, { channel: 'cartes' });
  await relais.run(`/tip vote ${umap}`, { user: 'Alice Martin' });
  await relais.run(`/tip vote ${umap}`, { user: 'Chloé Bernard' });

  const apero = idIn((await relais.run('/meetup create Apéro numérique | 10 janvier 2027 à 18h30 | Mairie, salle 3 | capacité 2 | publier', { channel: 'cartes' }))[0]);
  for (const user of ['Bruno Dupont', 'Chloé Bernard', 'David Petit']) await relais.run(`/meetup rsvp ${apero} oui`, { user });
  await relais.run(`/meetup rsvp ${apero} peut-être`, { user: 'Emma Roux' });
  const dst = idIn((await relais.run('/meetup create Atelier cartes | 30 mars 2027 à 18h30 | Tiers-lieu, Lyon | publier', { channel: 'cartes' }))[0]);
  const cancelled = idIn((await relais.run('/meetup create Visite annulée | 12 février 2027 à 10h | Musée | publier', { channel: 'ecoles' }))[0]);
  await relais.run(`/meetup edit ${cancelled} lieu Musée des Confluences`, { channel: 'ecoles' });
  await relais.run(`/meetup cancel ${cancelled}`, { channel: 'ecoles' });

  const { db } = relais.running;
  const organizer = await db.member.findFirstOrThrow({ where: { displayName: 'Alice Martin' } });
  const network = await db.network.findUniqueOrThrow({ where: { slug: 'ecoles' } });
  const past = await createMeetup(db, {
    title: 'Rencontre de rentrée',
    startsAt: new Date('2026-09-15T16:00:00Z'),
    timezone: 'Europe/Paris',
    place: 'Rectorat',
    organizerId: organizer.id,
    networkId: network.id,
    channelId: null,
  });
  return { tips: { reunion, umap, ent, hostile, hidden }, meetups: { apero, dst, cancelled, past: past.id } };
}
export type Seeded = Awaited<ReturnType<typeof seed>>;
