/**
 * A small knowledge base for the wiki suites, entered the way members enter it (the real commands
 * through the harness), plus a past meetup with answers (its date has to be in the past).
 */
import type { ChannelRecord } from '../../../src/domain/directory.ts';
import { createMeetup } from '../../../src/domain/meetups/service.ts';
import type { Harness } from '../../support/harness.ts';

export const admin = { user: '@admin:example.org' };

export interface KnowledgeBase {
  tips: { calendar: number; maps: number };
  channel: ChannelRecord;
}

/** The id in a "… n°12 …" / "#12" reply. */
export function idIn(replies: string[]): number {
  const match = /(?:n°|#)(\d+)/.exec(replies.join('\n'));
  if (!match) throw new Error(`no id in ${JSON.stringify(replies)}`);
  return Number(match[1]);
}

export async function seedKnowledgeBase(h: Harness): Promise<KnowledgeBase> {
  await h.run('/relais network cartes Cartes et territoires', admin);
  const calendar = idIn(await h.run('/tip add Utilisez le calendrier partagé\nIl se synchronise avec tous les agendas. #outils #agenda'));
  const maps = idIn(await h.run('/tip add Les fonds de carte de l’IGN sont ouverts #cartes'));
  await h.run('/meetup create Apéro numérique | 3 décembre 18h30 | Mairie, salle 3 | capacité 30 | publier', admin);
  const { db } = h;
  const channel = await db.channel.findFirstOrThrow();
  const organizer = await db.member.findFirstOrThrow({ where: { externalId: '@admin:example.org' } });
  const past = await createMeetup(db, {
    title: 'Atelier cartes', startsAt: new Date('2026-11-20T13:00:00Z'), timezone: 'Europe/Paris', place: 'Médiathèque',
    organizerId: organizer.id, networkId: channel.networkId, channelId: channel.id,
  });
  for (const member of await db.member.findMany()) await db.rsvp.create({ data: { meetupId: past.id, memberId: member.id, personId: member.personId, status: 'going', source: 'command' } });
  return { tips: { calendar, maps }, channel };
}
