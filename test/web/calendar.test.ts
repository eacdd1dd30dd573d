import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/test-database.ts';
import { seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

/** Parses with ical.js, an implementation independent of the writer. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
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
        startZone: 'UTC',
        sequence: 0,
        status: 'CONFIRMED',
        url: `http://relais.test/meetups/${seeded.meetups.apero}`,
        location: 'Mairie, salle 3',
        description: 'Organisée par Alice Martin',
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
