import { DateTime } from 'luxon';
import { z } from 'zod';
import { RelaisError } from '../../core/errors.ts';
import { localeOr, translate, type MessageKey, type MessageParams } from '../../i18n/translate.ts';
import { parseReminderOffsets } from './reminder-offsets.ts';
import type { NewMeetup } from './service.ts';
import { note } from './when/fail.ts';
import { formatDay, formatOffset, formatTime, dayOf, wallOf } from './when/format.ts';
import type { Note } from './when/types.ts';
import { changeLabel, placeWallTime, zoneLabel } from './when/zone.ts';

/**
 * A meetup from structured input (a form such as Slack's modal, where the date and time come from
 * pickers) rather than from one line of text: each field is checked on its own, so a form can show
 * each error beside its field. The form is its own preview: what it shows is what is announced.
 */
export const draftFields = ['title', 'date', 'time', 'end', 'timezone', 'place', 'link', 'capacity', 'reminders'] as const;
export type DraftField = (typeof draftFields)[number];

/** As typed or picked: `date` is YYYY-MM-DD, `time` and `end` HH:mm (wall clock in `timezone`); blanks are absent. */
export type MeetupDraft = Partial<Record<DraftField, string | null>>;

/** Localized messages, by field. */
export type DraftErrors = Partial<Record<DraftField, string>>;

export type DraftMeetup = Pick<NewMeetup, 'title' | 'startsAt' | 'endsAt' | 'timezone' | 'place' | 'onlineUrl' | 'capacity' | 'reminderOffsets'>;

export type DraftCheck = { ok: true; meetup: DraftMeetup; notes: Note[] } | { ok: false; errors: DraftErrors };

const isZone = (zone: string) => DateTime.local().setZone(zone).isValid;

/** "visio.example.org/abc" is meant as https. */
const withScheme = (link: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `https://${link}`);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');
const schemas = {
  title: z.string().min(3, 'validation.tooShort').max(200, 'validation.tooLong').refine((title) => !/[\r\n\u0085\u2028\u2029]/.test(title), 'validation.singleLine'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid'),
  time,
  end: time.optional(),
  timezone: z.string().refine(isZone, 'validation.timezone'),
  place: z.string().max(500, 'validation.tooLong').optional(),
  link: z.string().max(500, 'validation.tooLong').transform(withScheme).pipe(z.url({ protocol: /^https?$/, error: 'validation.invalid' })).optional(),
  capacity: z.string().regex(/^\d{1,5}$/, 'validation.capacity').transform(Number).pipe(z.number().int().min(1, 'validation.capacity')).optional(),
  reminders: z.string().max(100, 'validation.tooLong').optional(),
};

/**
 * The wall time picked, on the day picked, in the zone picked: refused when the clocks skip it that
 * day (as readWhen refuses it), the first of the two when they repeat it (said in a note).
 */
function placed(date: string, hhmm: string, zone: string, locale: string, notes: Note[]): { at?: DateTime; error?: string } {
  const lang = localeOr(locale, 'fr');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  if (!DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid) return { error: translate(locale, 'validation.invalid') };
  const placement = placeWallTime({ year, month, day }, { hour, minute }, zone);
  const common = { time: formatTime({ hour, minute }, lang), date: formatDay(dayOf(placement.local), lang), zone: zoneLabel(zone, lang) };
  if (placement.kind === 'gap') {
    return { error: translate(locale, 'when.errors.dstGap', { ...common, change: changeLabel(placement.change, lang), after: formatTime(placement.firstAfter, lang) }) };
  }
  if (placement.kind === 'overlap') notes.push(note('dstOverlap', { ...common, change: changeLabel(placement.change, lang), offset: formatOffset(placement.local.offset) }));
  return { at: placement.local };
}

/** Checks a draft as of `now`, every field at once; messages are in `locale`. */
export function checkDraft(draft: MeetupDraft, options: { now: Date; locale: string }): DraftCheck {
  const errors: DraftErrors = {};
  const notes: Note[] = [];
  const fail = (field: DraftField, key: MessageKey, params?: MessageParams) => {
    errors[field] ??= translate(options.locale, key, params);
  };
  const read = <T>(field: DraftField, schema: z.ZodType<T>, fallback?: string): T | undefined => {
    // A missing required field fails its own rule (too short, not a time…) rather than a type error.
    const result = schema.safeParse(draft[field]?.trim() || fallback);
    if (result.success) return result.data;
    fail(field, (result.error.issues[0]?.message ?? 'validation.invalid') as MessageKey);
    return undefined;
  };
  const title = read('title', schemas.title, '');
  const date = read('date', schemas.date, '');
  const start = read('time', schemas.time, '');
  const end = read('end', schemas.end);
  const timezone = read('timezone', schemas.timezone, '');
  const place = read('place', schemas.place);
  const link = read('link', schemas.link);
  const capacity = read('capacity', schemas.capacity);
  const reminders = read('reminders', schemas.reminders);
  if (!place && !link && !errors.place && !errors.link) fail('place', 'errors.missingArgument', { arg: { key: 'args.where' } });
  let reminderOffsets: string | null | undefined;
  try {
    reminderOffsets = reminders ? parseReminderOffsets(reminders) : undefined;
  } catch (error) {
    if (!(error instanceof RelaisError)) throw error;
    fail('reminders', error.userMessage as MessageKey, error.params);
  }
  let startsAt: Date | undefined;
  let endsAt: Date | null = null;
  if (date && start && timezone) {
    const at = placed(date, start, timezone, options.locale, notes);
    if (at.error) errors.time ??= at.error;
    else if (at.at!.toMillis() <= options.now.getTime()) fail('date', 'when.errors.pastDate', { date: formatDay(dayOf(at.at!), localeOr(options.locale, 'fr')), time: formatTime(wallOf(at.at!), localeOr(options.locale, 'fr')) });
    else startsAt = at.at!.toJSDate();
    if (startsAt && end) {
      const finish = placed(date, end, timezone, options.locale, notes);
      if (finish.error) errors.end ??= finish.error;
      else if (finish.at!.toMillis() <= startsAt.getTime()) fail('end', 'meetupFlow.errors.formEnd');
      else endsAt = finish.at!.toJSDate();
    }
  }
  if (title === undefined || startsAt === undefined || timezone === undefined || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    meetup: { title, startsAt, endsAt, timezone, place: place ?? null, onlineUrl: link ?? null, capacity: capacity ?? null, ...(reminderOffsets !== undefined ? { reminderOffsets } : {}) },
    notes,
  };
}
