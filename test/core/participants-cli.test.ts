/** `npx relais participants <n°> [--csv]`: who comes to a meetup, from the console/command line. */
import { afterEach, describe, expect, it } from 'vitest';
import { runParticipants } from '../../src/cli/participants.ts';
import { ensureMember } from '../../src/domain/directory.ts';
import { setRsvp, type RsvpStatus } from '../../src/domain/meetups/rsvp.ts';
import { createMeetup } from '../../src/domain/meetups/service.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';

describe.each(engines)('npx relais participants (%s)', (engine) => {
  let database: TestDatabase;
  afterEach(async () => database?.close());

  async function meetupWithAnswers() {
    database = await createTestDatabase(engine);
    const { db } = database;
    const person = (externalId: string, displayName: string) => ensureMember(db, { platform: 'slack', workspace: 'T1', externalId, displayName });
    const organizer = await person('U0ORGA', 'Alice Martin');
    const meetup = await createMeetup(db, { title: 'Visite du fablab', startsAt: new Date('2099-01-14T13:00:00Z'), timezone: 'Europe/Paris', place: 'Fablab', capacity: 1, organizerId: organizer.id, networkId: null, channelId: null });
    const answers: Array<[string, string, RsvpStatus]> = [
      ['U0BOB', 'Bob', 'going'], ['U0CAROL', 'Carol, de Brest', 'going'], ['U0DAN', '=HYPERLINK("https://evil.example")', 'going'],
      ['U0ERIN', 'Erin', 'maybe'], ['U0FRED', 'Fred', 'declined'],
    ];
    // One after another, so the waitlist has an order to keep.
    for (const [id, name, status] of answers) await setRsvp(db, meetup.id, (await person(id, name)).id, status, 'command', new Date('2098-12-01T10:00:00Z'));
    return { env: { DATABASE_URL: database.url, RELAIS_LOCALE: 'en' }, id: String(meetup.id) };
  }

  it('lists who answered by display name, the waitlist in order, with counts and the seats', async () => {
    const { env, id } = await meetupWithAnswers();
    const text = await runParticipants([id], env);
    expect(text).toContain('Visite du fablab');
    expect(text).toContain('• ✅ Going (1) — 1 / 1 : Bob');
    expect(text).toContain('• ⏳ Waitlist (2) : 1. Carol, de Brest, 2. =HYPERLINK("https://evil.example")');
    expect(text).toContain('• 🤔 Maybe (1) : Erin');
    expect(text).toContain('• ❌ Not going (1) : Fred');
    expect(text).toContain(`npx relais participants ${id} --csv`);
    expect(text).not.toMatch(/U0[A-Z]+|slack|T1/);
  });

  it('writes names and answers only as CSV, quoting commas and defusing spreadsheet formulas', async () => {
    const { env, id } = await meetupWithAnswers();
    expect(await runParticipants([id, '--csv'], env)).toBe([
      'name,answer',
      'Bob,going',
      '"Carol, de Brest",waitlisted',
      `"'=HYPERLINK(""https://evil.example"")",waitlisted`,
      'Erin,maybe',
      'Fred,not going',
    ].join('\n'));
  });

  it('says which meetup it could not find, and what it expects', async () => {
    const { env } = await meetupWithAnswers();
    await expect(runParticipants(['99'], env)).rejects.toThrow(/^Meetup #99 not found/);
    await expect(runParticipants(['--csv'], env)).rejects.toThrow('A meetup number is expected.');
  });
});
