import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';
import { directs, paris, postsIn } from './support.ts';

const organizer = (channel = '!room:example.org') => ({ user: '@admin:example.org', channel });
const reminders = (h: Harness, channel = '!room:example.org') => postsIn(h, channel).filter((text) => text.startsWith('⏰'));

describe.each(engines)('meetup reminders (%s)', (engine) => {
  let h: Harness;
  let scheduler: Scheduler;
  afterEach(async () => h?.close());

  /** A meetup on Thursday 3 December 2026 at 18:00 Paris, announced in two channels. */
  async function meetup(env: Record<string, string> = {}) {
    h = await createHarness(engine, { now: paris('2026-11-30T10:00').toISOString(), env, schedule: false });
    scheduler = new Scheduler(h.scheduling);
    await h.run('/meetup create Apéro accessibilité | 2026-12-03 18:00 | Lyon | publier', organizer());
    await h.run('/meetup announce 1', organizer('!other:example.org'));
  }

  async function at(local: string) {
    h.clock.set(paris(local));
    await scheduler.tick();
  }

  it('reminds 24 h and 1 h before, once, in every channel the meetup was announced in', async () => {
    await meetup();
    await at('2026-12-02T17:59');
    expect(reminders(h)).toEqual([]);
    await at('2026-12-02T18:00');
    await at('2026-12-02T18:01');
    await at('2026-12-03T17:00');
    await at('2026-12-03T17:30');
    for (const channel of ['!room:example.org', '!other:example.org']) {
      const sent = reminders(h, channel);
      expect(sent).toHaveLength(2);
      expect(sent[0]).toContain('⏰ Rappel : Apéro accessibilité');
      expect(sent[0]).toContain('La rencontre commence dans 24 heures.');
      expect(sent[0]).toContain('Quand : jeudi 3 décembre 2026, 18 h (heure de Paris)');
      expect(sent[1]).toContain('La rencontre commence dans 1 heure.');
    }
  });

  it('follows the meetup’s own offsets, set with /meetup edit <n°> rappels', async () => {
    await meetup();
    expect((await h.run('/meetup edit 1 rappels 30min', organizer()))[0]).toContain('Rappels de la rencontre n°1 : 30 minutes.');
    expect((await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).reminderOffsets).toBe('30');
    await at('2026-12-02T18:00');
    await at('2026-12-03T17:00');
    expect(reminders(h)).toEqual([]);
    await at('2026-12-03T17:30');
    expect(reminders(h)).toEqual([expect.stringContaining('dans 30 minutes')]);
  });

  it('moves reminders with an edited start time, and reminds again when the start moved after a reminder', async () => {
    await meetup();
    await h.run('/meetup edit 1 when 2026-12-04 18:00', organizer());
    await at('2026-12-02T18:00');
    expect(reminders(h)).toEqual([]);
    await at('2026-12-03T18:00');
    expect(reminders(h)).toEqual([expect.stringContaining('vendredi 4 décembre 2026, 18 h')]);

    await h.run('/meetup edit 1 when 2026-12-08 18:00', organizer());
    await at('2026-12-03T18:30');
    expect(reminders(h)).toHaveLength(1);
    await at('2026-12-07T18:00');
    await at('2026-12-07T18:05');
    expect(reminders(h)).toHaveLength(2);
    expect(reminders(h)[1]).toContain('mardi 8 décembre 2026, 18 h');
  });

  it('never reminds of a cancelled meetup', async () => {
    await meetup();
    await h.run('/meetup cancel 1', organizer());
    await at('2026-12-02T18:00');
    await at('2026-12-03T17:00');
    expect(reminders(h)).toEqual([]);
    expect(reminders(h, '!other:example.org')).toEqual([]);
  });

  it('after downtime, posts only the reminder still on time and records the other as missed', async () => {
    await meetup();
    await at('2026-12-03T17:10');
    expect(reminders(h)).toEqual([expect.stringContaining('dans 50 minutes')]);
    const rows = await h.db.reminderDelivery.findMany({ where: { target: { startsWith: 'channel:' } }, orderBy: [{ target: 'asc' }, { offsetMinutes: 'asc' }] });
    expect(rows.map((row) => `${row.offsetMinutes} ${row.status}`)).toEqual(['60 posted', '1440 missed', '60 posted', '1440 missed']);
  });

  it('also tells the people going privately when RELAIS_REMINDER_DM is on', async () => {
    await meetup({ RELAIS_REMINDER_DM: 'true' });
    await h.run('/meetup rsvp 1 oui', { user: '@bob:example.org' });
    await h.run('/meetup rsvp 1 peut-être', { user: '@carol:example.org' });
    await at('2026-12-02T18:00');
    await at('2026-12-02T18:01');
    expect(directs(h, '@bob:example.org')).toEqual([expect.stringContaining('La rencontre commence dans 24 heures.')]);
    expect(directs(h, '@carol:example.org')).toEqual([]);
  });

  it('sends no private reminder to someone who turned them off, and sends them again once turned on', async () => {
    await meetup({ RELAIS_REMINDER_DM: 'true' });
    const dan = { user: '@dan:example.org' };
    await h.run('/meetup rsvp 1 oui', dan);
    await h.run('/meetup rsvp 1 oui', { user: '@erin:example.org' });
    expect((await h.run('/relais rappels off', dan))[0]).toBe('Vous ne recevrez plus de rappels privés avant les rencontres. Pour les retrouver : /relais reminders on');
    await at('2026-12-02T18:00');
    expect(directs(h, '@dan:example.org')).toEqual([]);
    expect(directs(h, '@erin:example.org')).toEqual([expect.stringContaining('dans 24 heures')]);
    expect((await h.run('/relais reminders on', dan))[0]).toContain('Vous recevrez un rappel privé');
    await at('2026-12-03T17:00');
    expect(directs(h, '@dan:example.org')).toEqual([expect.stringContaining('dans 1 heure')]);
  });

  it('says so when this Relais sends no private reminders at all', async () => {
    await meetup();
    expect((await h.run('/relais rappels off', { user: '@dan:example.org' }))[0]).toContain('Ce Relais n’envoie pas de rappels privés');
    expect((await h.db.member.findFirstOrThrow({ where: { externalId: '@dan:example.org' }, include: { person: true } })).person.reminderDMs).toBe(false);
  });
});
