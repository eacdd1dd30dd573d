import type { Db } from '../../src/db/client.ts';

/** Monday 30 November 2026, 09:30 in Paris: the weekly digest of 09:00 is due. */
export const NOW = '2026-11-30T08:30:00Z';
export const ANNOUNCEMENT_TS = '1700000000.000100';

/**
 * A Slack channel with a weekly digest on Mondays at 09:00, and a meetup announced in it (the
 * announcement's message id is ANNOUNCEMENT_TS) with `capacity` seats.
 */
export async function seedSlackChannel(db: Db, capacity: number | null = null) {
  const channel = await db.channel.create({
    data: { platform: 'slack', workspace: 'T0FAKE', externalId: 'C0FAKE', name: 'general', digestFrequency: 'weekly', digestWeekday: 1, digestTime: '09:00' },
  });
  const organizer = await db.member.create({ data: { platform: 'slack', workspace: 'T0FAKE', externalId: 'U0ORG', displayName: 'Béa', person: { create: {} } } });
  const meetup = await db.meetup.create({
    data: { title: 'Atelier cartographie', startsAt: new Date('2026-12-03T17:30:00Z'), timezone: 'Europe/Paris', capacity, organizerId: organizer.id, channelId: channel.id },
  });
  await db.announcement.create({ data: { meetupId: meetup.id, channelId: channel.id, messageId: ANNOUNCEMENT_TS } });
  return { channel, meetup };
}
