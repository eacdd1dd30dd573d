import type { Locale, MessageKey, MessageParams } from '../../../i18n/translate.ts';

export interface WhenOptions {
  /** The instant the text is read at: "demain", "jeudi" and "past" are relative to it. */
  now: Date;
  /** IANA zone of the channel: wall times are read there unless the text names another zone. */
  timeZone: string;
  /** Language of the reader: the first grammar tried, the order of slash dates, the language of messages and notes. */
  locale: Locale;
}

/**
 * A repeating meetup. Occurrences are wall times in a zone (10:00 stays 10:00 across DST changes);
 * iCalendar: DTSTART;TZID=<zone>:<firstDate>T<wallTime>, RRULE:<rrule>[;UNTIL=<until as UTC>].
 */
export interface Recurrence {
  /** RFC 5545 RRULE value without DTSTART nor UNTIL, e.g. FREQ=MONTHLY;BYDAY=2TU. */
  rrule: string;
  /** Local date of the first occurrence (YYYY-MM-DD): the DTSTART day, which anchors "every other" rules. */
  firstDate: string;
  /** No occurrence starts after this instant (the last second of the "until" day in the series' zone); null: open-ended. */
  until: Date | null;
  /** HH:mm, wall clock in the series' zone. */
  wallTime: string;
  durationMinutes: number | null;
}

/** Something a preview must say, rendered in the reader's language: `translate(locale, note.key, note.params)`. */
export interface Note {
  key: MessageKey;
  params: MessageParams;
}

export interface WhenRead {
  /** UTC instant of the (first) start. */
  start: Date;
  end: Date | null;
  /** IANA zone the organizer meant: the channel's, or one named in the text. */
  timeZone: string;
  recurrence: Recurrence | null;
  notes: Note[];
}

export interface Occurrence {
  start: Date;
  end: Date | null;
  /** Said when this occurrence's wall time falls in a DST change (shifted or repeated hour). */
  notes: Note[];
}

/** A calendar day as written, before it is known to exist. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time; `nextDay` is "minuit"/"24h" used as an end: 00:00 of the following day. */
export interface WallTime {
  hour: number;
  minute: number;
  nextDay?: boolean;
}
