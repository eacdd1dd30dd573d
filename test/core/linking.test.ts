// Linking two people who both acted before: on real SQLite and PostgreSQL, through the domain.
import { afterEach, describe, expect, it } from 'vitest';
import { ensureMember } from '../../src/domain/directory.ts';
import { setRsvp } from '../../src/domain/meetups/rsvp.ts';
import { createMeetup } from '../../src/domain/meetups/service.ts';
import { issueLinkCode, redeemLinkCode } from '../../src/domain/people/linking.ts';
import { voteTip } from '../../src/domain/tips/service.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';

const now = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe.each(engines)('linking people who both acted (%s)', (engine) => {
  let database: TestDatabase;
  afterEach(async () => database?.close());

  it('keeps the latest answer, frees the seat the other held for the waitlist, counts a vote once and a role once, keeps reminders off', async () => {
    database = await createTestDatabase(engine);
    const { db } = database;
    const onSlack = await ensureMember(db, { platform: 'slack', workspace: 'T1', externalId: 'U1', displayName: 'Ana' });
    const onMatrix = await ensureMember(db, { platform: 'matrix', workspace: 'tchap.gouv.fr', externalId: '@ana:tchap.gouv.fr', displayName: 'Ana M.' });
    const bea = await ensureMember(db, { platform: 'slack', workspace: 'T1', externalId: 'U2', displayName: 'Béa' });
    const network = await db.network.create({ data: { slug: 'nord', name: 'Nord' } });
    for (const member of [onSlack, onMatrix]) await db.role.create({ data: { memberId: member.id, personId: member.personId, networkId: network.id, role: 'organizer' } });
    const meetup = await createMeetup(db, { title: 'Atelier', startsAt: new Date('2027-01-14T17:00:00Z'), timezone: 'Europe/Paris', capacity: 2, organizerId: bea.id, networkId: network.id, channelId: null });
    const tip = await db.tip.create({ data: { title: 't', text: 'x', authorId: bea.id } });

    // Two strangers to Relais: two seats, then Béa waits; two votes.
    await setRsvp(db, meetup.id, onSlack.id, 'going', 'command', now);
    await setRsvp(db, meetup.id, onMatrix.id, 'going', 'reaction', later(1));
    await setRsvp(db, meetup.id, bea.id, 'going', 'command', later(2));
    await setRsvp(db, meetup.id, onMatrix.id, 'maybe', 'reaction', later(3));
    expect(await setRsvp(db, meetup.id, bea.id, 'going', 'command', later(4))).toMatchObject({ changed: false, waitlisted: false });
    await setRsvp(db, meetup.id, onMatrix.id, 'going', 'reaction', later(5));
    expect(await db.rsvp.count({ where: { meetupId: meetup.id, waitlisted: true } })).toBe(1);
    await voteTip(db, tip.id, onSlack.id, 'public');
    await voteTip(db, tip.id, onMatrix.id, 'public');
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).voteCount).toBe(2);

    // Reminders turned off on Matrix only: off for the person once linked.
    await db.person.update({ where: { id: onMatrix.personId }, data: { reminderDMs: false } });
    const { code } = await issueLinkCode(db, onSlack, later(6));
    const outcome = await redeemLinkCode(db, onMatrix, code, later(7));
    expect(outcome).toMatchObject({ linked: true, changedMeetups: [meetup.id] });
    // The latest answer was the Matrix one (waitlisted); the Slack seat it replaces goes to the first waiting — Ana herself.
    const answers = await db.rsvp.findMany({ where: { meetupId: meetup.id }, orderBy: { id: 'asc' }, select: { memberId: true, personId: true, status: true, waitlisted: true } });
    expect(answers).toEqual([
      { memberId: onMatrix.id, personId: onSlack.personId, status: 'going', waitlisted: false },
      { memberId: bea.id, personId: bea.personId, status: 'going', waitlisted: false },
    ]);
    expect(await db.tipVote.count()).toBe(1);
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).voteCount).toBe(1);
    expect(await db.role.count({ where: { networkId: network.id } })).toBe(1);
    expect(await db.person.findMany({ orderBy: { id: 'asc' }, select: { id: true, reminderDMs: true } })).toEqual([
      { id: onSlack.personId, reminderDMs: false }, { id: bea.personId, reminderDMs: true },
    ]);
    // A person has one account per platform.
    const other = await ensureMember(db, { platform: 'matrix', workspace: 'tchap.gouv.fr', externalId: '@ana2:tchap.gouv.fr', displayName: 'Ana bis' });
    const { code: second } = await issueLinkCode(db, onSlack, later(8));
    expect(await redeemLinkCode(db, other, second, later(9))).toEqual({ linked: false, refusal: 'samePlatform', platform: 'matrix' });
  });
});
