import { personalMeetups } from '../../domain/people/calendar.ts';
import { meetupCalendar } from '../calendar.ts';
import type { WebContext, WebResponse } from '../context.ts';
import { notFoundPage } from './errors.ts';

/** /people/<secret>/calendar.ics: the secret is the feed's own key, so it is served in token-protected deployments too. */
export const personalFeedPath = /^\/people\/([A-Za-z0-9_-]{43})\/calendar\.ics$/;

/** Personal feeds keep a year of past meetups, as the public ones. */
const HISTORY_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Someone's own calendar: the meetups they answered going or maybe, with the UIDs of the public
 * feeds (a client subscribed to both shows each meetup once); a waitlist place or a "maybe" is said
 * in the event's title, RFC 5545 having no status for "waiting for a seat".
 */
export async function personalFeed(ctx: WebContext, token: string): Promise<WebResponse> {
  const { services, t } = ctx;
  const meetups = await personalMeetups(services.db, { token }, new Date(services.clock.now().getTime() - HISTORY_MS));
  if (!meetups) return notFoundPage(ctx);
  const marked = meetups.map((meetup) => {
    const mark = meetup.answer === 'maybe' ? t('people.calendar.maybe') : meetup.waitlisted ? t('people.calendar.waitlisted') : undefined;
    return mark ? { ...meetup, title: `${meetup.title} (${mark})` } : meetup;
  });
  const body = meetupCalendar(marked, { name: t('people.calendar.name'), t, baseUrl: ctx.baseUrl, publicUrl: services.config.RELAIS_PUBLIC_URL });
  return { status: 200, contentType: 'text/calendar; charset=utf-8', body, headers: { 'content-disposition': 'inline; filename="relais-personal.ics"', 'cache-control': 'private, no-cache' } };
}
