/**
 * A series in calendars: one VEVENT with its RRULE in the organizer's wall time (TZID + VTIMEZONE),
 * an EXDATE per cancelled date and a RECURRENCE-ID override per moved one, read back by ical.js
 * (independent of the writer) and expanded to the instants people will see, across the spring change.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { meetupCalendar } from '../../src/web/calendar.ts';
import { allMeetups } from '../../src/web/queries.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };

function expand(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = vevents.filter((vevent) => vevent.hasProperty('rrule'));
  const [master] = masters;
  const event = new ICAL.Event(master!);
  for (const exception of vevents.filter((vevent) => vevent.hasProperty('recurrence-id'))) event.relateException(exception);
  const iterator = event.iterator();
  const dates: { start: string; end: string; summary: string }[] = [];
  for (let next = iterator.next(); next && dates.length < 60; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    dates.push({ start: details.startDate.toJSDate().toISOString(), end: details.endDate.toJSDate().toISOString(), summary: details.item.summary });
  }
  return { calendar, vevents, masters, master: master!, dates };
}

describe.each(engines)('a series in calendars on %s', (engine) => {
  let h: Harness;
  let feed: string;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
    await h.run('/meetup create Permanence | tous les mardis 10h-12h | Mairie | jusqu’au 6 avril 2027 | publier');
    const scheduler = new Scheduler(h.scheduling);
    for (const now of ['2026-12-01T10:00:00Z', '2026-12-08T10:00:00Z']) {
      h.clock.set(now);
      await scheduler.tick();
    }
    h.clock.set('2026-12-02T10:00:00Z');
    await h.run('/meetup cancel 2 seule');
    await h.run('/meetup edit 3 seule quand mardi 15 décembre 2026 14h');
    await h.run('/meetup create Apéro | 10 décembre 2026 18h | Lille | publier');
    const meetups = await allMeetups(h.db, {});
    const series = await h.db.meetupSeries.findMany();
    feed = meetupCalendar(meetups, { name: 'Relais', t: translator('fr'), baseUrl: 'https://relais.test', publicUrl: 'https://relais.test', series });
  });
  afterAll(() => h.close());

  it('writes the series once, in Paris wall time with its VTIMEZONE, beside the one-off', async () => {
    const { calendar, vevents, masters, master } = expand(feed);
    expect(masters).toHaveLength(1);
    expect(vevents.map((vevent) => vevent.getFirstPropertyValue('summary'))).toEqual(expect.arrayContaining(['Permanence', 'Apéro']));
    expect(vevents.filter((vevent) => vevent.getFirstPropertyValue('summary') === 'Permanence')).toHaveLength(2);
    const start = master.getFirstProperty('dtstart')!;
    expect([start.getParameter('tzid'), String(start.getFirstValue())]).toEqual(['Europe/Paris', '2026-12-01T10:00:00']);
    expect(String(master.getFirstProperty('dtend')!.getFirstValue())).toBe('2026-12-01T12:00:00');
    expect(master.getFirstPropertyValue('uid')).toBe('series-1@relais.test');
    expect(calendar.getAllSubcomponents('vtimezone').map((vtimezone) => vtimezone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
    expect(String(master.getFirstProperty('exdate')!.getFirstValue())).toBe('2026-12-08T10:00:00');
    expect(String(master.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270406T215959Z');
  });

  it('expands to every Tuesday at 10:00 Paris time on both sides of the spring change, without the cancelled date and with the moved one', async () => {
    const { dates } = expand(feed);
    expect(dates[0]).toEqual({ start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T11:00:00.000Z', summary: 'Permanence' });
    expect(dates.map((date) => date.start)).not.toContain('2026-12-08T09:00:00.000Z');
    expect(dates[1]).toEqual({ start: '2026-12-15T13:00:00.000Z', end: '2026-12-15T15:00:00.000Z', summary: 'Permanence' });
    expect(dates[2]!.start).toBe('2026-12-22T09:00:00.000Z');
    // 23 March 2027: winter time (UTC+1); 30 March: summer time (UTC+2); 6 April, the last.
    expect(dates.slice(-3).map((date) => date.start)).toEqual(['2027-03-23T09:00:00.000Z', '2027-03-30T08:00:00.000Z', '2027-04-06T08:00:00.000Z']);
    // 19 Tuesdays from 1 December to 6 April, one cancelled.
    expect(dates).toHaveLength(18);
  });
});
