import type { Rich } from '../../core/card.ts';
import { localeOr } from '../../i18n/translate.ts';
import { occurrenceLabel, seriesReading, type SeriesListing } from './series.ts';
import type { MeetupView } from './service.ts';
import { meetupLine, whenText, type MeetupRenderOptions } from './view.ts';

/** A series on one line: how it repeats, where, and its next dates with their numbers once they are meetups. */
export function seriesLine(listing: SeriesListing, options: MeetupRenderOptions): Rich {
  const { series, next } = listing;
  const locale = localeOr(options.locale, 'fr');
  const [first] = next;
  const reading = seriesReading(series, first?.start ?? new Date(0));
  const where = [series.place, series.onlineUrl ? options.t('meetupFlow.online') : null].filter(Boolean).join(' · ');
  const dates = next.map((date) => `${occurrenceLabel(date.start, series.timezone, locale)}${date.meetupId === null ? '' : ` (#${date.meetupId})`}`).join(' ; ');
  return [
    { strong: `🔁 ${series.title}` },
    ` — ${whenText({ startsAt: first?.start ?? new Date(0), endsAt: reading.end, timezone: series.timezone }, options.locale, options.timeZone, reading)}${where ? ` — ${where}` : ''}`,
    ` · ${options.t('series.list.next', { dates })}`,
  ];
}

/** One-off meetups and series in the order of their next date; a series' dates are not listed again one by one. */
export function listLines(meetups: MeetupView[], series: SeriesListing[], options: MeetupRenderOptions): Rich[] {
  const entries = [
    ...meetups.filter((meetup) => meetup.seriesId === null).map((meetup) => ({ at: meetup.startsAt.getTime(), line: meetupLine(meetup, options) })),
    ...series.map((listing) => ({ at: listing.next[0]?.start.getTime() ?? 0, line: seriesLine(listing, options) })),
  ];
  return entries.sort((a, b) => a.at - b.at).map((entry) => entry.line);
}
