import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeetup } from '../../src/domain/meetups/service.ts';
import { engines } from '../support/test-database.ts';
import { idIn, seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

// RFC 7986's NAME and the de facto X-WR-CALNAME are TEXT: ical.js, told so, unescapes them as it does SUMMARY.
const properties = (ICAL.design as unknown as { icalendar: { property: Record<string, { defaultType: string }> } }).icalendar.property;
properties.name = { defaultType: 'text' };
properties['x-wr-calname'] = { defaultType: 'text' };

/** Parses with ical.js, an implementation independent of the writer. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time | null;
    return {
      end: end?.toJSDate().toISOString(),
      uid: vevent.getFirstPropertyValue('uid'),
      summary: vevent.getFirstPropertyValue('summary'),
      start: start.toJSDate().toISOString(),
      startZone: start.zone?.tzid,
      sequence: vevent.getFirstPropertyValue('sequence'),
      status: vevent.getFirstPropertyValue('status'),
      url: vevent.getFirstPropertyValue('url'),
      location: vevent.getFirstPropertyValue('location'),
      description: vevent.getFirstPropertyValue('description'),
    };
  });
  return { calendar, events };
}

describe.each(engines)('iCalendar feeds on %s', (engine) => {
  let relais: WebRelais;
  let seeded: Seeded;
  const get = (path: string) => fetch(`${relais.base}${path}`);

  beforeAll(async () => {
    relais = await startWebRelais(engine);
    seeded = await seed(relais);
  });
  afterAll(() => relais?.close());

  it('serves one meetup at the address announcements link to, field by field', async () => {
    const response = await get(`/meetups/${seeded.meetups.apero}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = parseCalendar(await response.text());
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Relais');
    expect(events).toEqual([
      {
        uid: `meetup-${seeded.meetups.apero}@relais.test`,
        summary: 'Apéro numérique',
        start: '2027-01-10T17:30:00.000Z',
        end: '2027-01-10T18:30:00.000Z',
        startZone: 'UTC',
        sequence: 0,
        status: 'CONFIRMED',
        url: `http://relais.test/meetups/${seeded.meetups.apero}`,
        location: 'Mairie, salle 3',
        description: 'Heure de fin non précisée : l’agenda l’affiche sur 1 h.\n\nOrganisée par Alice Martin',
      },
    ]);
  });

  it('places a meetup in the week after the change to summer time at the right instant', async () => {
    const { events } = parseCalendar(await (await get(`/meetups/${seeded.meetups.dst}.ics`)).text());
    expect(events[0]?.start).toBe('2027-03-30T16:30:00.000Z');
    expect(events[0]?.location).toBe('Tiers-lieu, Lyon');
  });

  it('keeps a cancelled meetup in the feed as CANCELLED with its sequence bumped by each change', async () => {
    const { events } = parseCalendar(await (await get('/calendar.ics')).text());
    const cancelled = events.find((event) => event.uid === `meetup-${seeded.meetups.cancelled}@relais.test`);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2, location: 'Musée des Confluences' });
    expect(events.map((event) => event.summary)).toEqual(['Rencontre de rentrée', 'Apéro numérique', 'Visite annulée', 'Atelier cartes']);
    expect(new Set(events.map((event) => event.uid)).size).toBe(4);
  });

  it('ends each event when the organizer said, with DTEND', async () => {
    const id = idIn((await relais.run('/meetup create Journée RGAA | 20 janvier 2027 de 9h à 17h30 | Mairie | publier', { channel: 'cartes' }))[0]);
    const { events } = parseCalendar(await (await get(`/meetups/${id}.ics`)).text());
    expect(events).toMatchObject([{ summary: 'Journée RGAA', start: '2027-01-20T08:00:00.000Z', end: '2027-01-20T16:30:00.000Z', description: 'Organisée par Alice Martin' }]);
  });

  it('escapes a hostile title where it names its own feed, so it forges no event, and ends every feed with CRLF', async () => {
    const { db } = relais.running;
    const organizer = await db.member.findFirstOrThrow({ where: { displayName: 'Alice Martin' } });
    // Titles with line breaks are refused at input now; older ones (or another writer) must still be harmless.
    const forged = `Piège\r\nEND:VCALENDAR\nBEGIN:VEVENT\nUID:meetup-${seeded.meetups.apero}@relais.test\nSEQUENCE:99\nSTATUS:CANCELLED, virgule; point-virgule \\ fin`;
    const meetup = await createMeetup(db, { title: forged, startsAt: new Date('2027-02-01T09:00:00Z'), timezone: 'Europe/Paris', place: 'Salle 1, étage 2; porte B', organizerId: organizer.id, networkId: null, channelId: null });
    const text = await (await get(`/meetups/${meetup.id}.ics`)).text();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar, events } = parseCalendar(text);
    const written = forged.replace(/\r\n/g, '\n');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(written);
    expect(calendar.getFirstPropertyValue('name')).toBe(written);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ uid: `meetup-${meetup.id}@relais.test`, summary: written, sequence: 0, status: 'CONFIRMED', location: 'Salle 1, étage 2; porte B' });
    for (const path of ['/calendar.ics', '/networks/cartes/calendar.ics']) expect((await (await get(path)).text()).endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('serves a feed per network, with the same UIDs as the global feed', async () => {
    const response = await get('/networks/ecoles/calendar.ics');
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = parseCalendar(await response.text());
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Rencontres — Écoles numériques');
    expect(events.map((event) => event.uid)).toEqual([`meetup-${seeded.meetups.past}@relais.test`, `meetup-${seeded.meetups.cancelled}@relais.test`]);
    expect((await get('/networks/inconnu/calendar.ics')).status).toBe(404);
    expect((await get('/meetups/9999.ics')).status).toBe(404);
  });
});
