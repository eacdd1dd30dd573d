import type { MeetupView } from '../domain/meetups/service.ts';
import type { Translate } from '../i18n/translate.ts';

/** What the calendar writers (./calendar.ts, ./series-calendar.ts) share. */
export interface CalendarOptions {
  name: string;
  t: Translate;
  /** Where the meetup pages live, e.g. https://relais.example.org (no trailing slash). */
  baseUrl: string;
  /** RELAIS_PUBLIC_URL: its host makes the UIDs; without it UIDs end in @relais. */
  publicUrl?: string | undefined;
}

/** How long calendars show a meetup whose organizer gave no end: said in its description. */
export const UNSAID_LENGTH_MS = 60 * 60_000;

export function descriptionOf(meetup: MeetupView, t: Translate): string {
  return [
    meetup.description,
    meetup.onlineUrl ? t('web.calendar.online', { url: meetup.onlineUrl }) : undefined,
    meetup.endsAt ? undefined : t('meetupFlow.web.noEnd'),
    t('web.calendar.organizedBy', { name: meetup.organizer.displayName }),
  ]
    .filter(Boolean)
    .join('\n\n');
}

