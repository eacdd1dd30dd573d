import type { Card } from '../core/card.ts';
import type { MeetupView } from '../domain/meetups/service.ts';
import type { RenderAnnouncement } from '../domain/meetups/announcer.ts';
import { translator } from '../i18n/translate.ts';

/** "dans 24 heures", "in 1 hour", "in 3 days": the time left, in the reader's language. */
export function timeLeft(minutes: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (minutes >= 2 * 1440) return format.format(Math.round(minutes / 1440), 'day');
  if (minutes >= 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.max(1, Math.round(minutes)), 'minute');
}

/**
 * A reminder: the announcement's details and RSVP buttons under a "starts in …" line. The time
 * left is counted from when it is posted, so a reminder caught up late still tells the truth.
 */
export function reminderCard(meetup: MeetupView, render: RenderAnnouncement, options: { locale: string; timeZone: string; now: Date }): Card {
  const t = translator(options.locale);
  const announcement = render(meetup, { locale: options.locale, timezone: options.timeZone });
  const when = timeLeft((meetup.startsAt.getTime() - options.now.getTime()) / 60_000, options.locale);
  return {
    ...announcement,
    header: [t('schedule.reminder.title', { title: meetup.title })],
    body: [[t('schedule.reminder.startsIn', { when })]],
    footer: [`#${meetup.id} · ${t('meetups.organizedBy', { name: meetup.organizer.displayName })}`],
  };
}
