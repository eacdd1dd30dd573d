import { DateTime } from 'luxon';
import { z } from 'zod';
import { formatInstant } from '../../core/dates.ts';
import { translate, type MessageKey, type MessageParams } from '../../i18n/translate.ts';
import type { NewMeetup } from './service.ts';

/**
 * A meetup from structured input (a form such as Slack's modal, where the date and time come from
 * pickers) rather than from one line of text: each field is checked on its own, so a form can show
 * each error beside its field.
 */
export const draftFields = ['title', 'date', 'time', 'timezone', 'place', 'link', 'capacity'] as const;
export type DraftField = (typeof draftFields)[number];

/** As typed or picked: `date` is YYYY-MM-DD, `time` HH:mm (wall clock in `timezone`); blanks are absent. */
export type MeetupDraft = Partial<Record<DraftField, string | null>>;

/** Localized messages, by field. */
export type DraftErrors = Partial<Record<DraftField, string>>;

export type DraftMeetup = Pick<NewMeetup, 'title' | 'startsAt' | 'timezone' | 'place' | 'onlineUrl' | 'capacity'>;

export type DraftCheck = { ok: true; meetup: DraftMeetup } | { ok: false; errors: DraftErrors };

const isZone = (zone: string) => DateTime.local().setZone(zone).isValid;

/** "visio.example.org/abc" is meant as https. */
const withScheme = (link: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `https://${link}`);

const schemas = {
  title: z.string().min(3, 'validation.tooShort').max(200, 'validation.tooLong'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
  timezone: z.string().refine(isZone, 'validation.timezone'),
  place: z.string().max(500, 'validation.tooLong').optional(),
  link: z.string().max(500, 'validation.tooLong').transform(withScheme).pipe(z.url({ protocol: /^https?$/, error: 'validation.invalid' })).optional(),
  capacity: z.string().regex(/^\d{1,5}$/, 'validation.capacity').transform(Number).pipe(z.number().int().min(1, 'validation.capacity')).optional(),
};

/** Checks a draft as of `now`, every field at once; messages are in `locale`. */
export function checkDraft(draft: MeetupDraft, options: { now: Date; locale: string }): DraftCheck {
  const errors: DraftErrors = {};
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
  const time = read('time', schemas.time, '');
  const timezone = read('timezone', schemas.timezone, '');
  const place = read('place', schemas.place);
  const link = read('link', schemas.link);
  const capacity = read('capacity', schemas.capacity);
  if (!place && !link && !errors.place && !errors.link) fail('place', 'errors.missingArgument', { arg: { key: 'args.where' } });
  let startsAt: Date | undefined;
  if (date && time && timezone) {
    const start = DateTime.fromISO(`${date}T${time}`, { zone: timezone });
    if (!start.isValid) fail('date', 'validation.invalid');
    else if (start.toMillis() <= options.now.getTime()) fail('date', 'meetups.errors.pastDate', { text: formatInstant(start.toJSDate(), timezone, options.locale) });
    else startsAt = start.toJSDate();
  }
  if (title === undefined || startsAt === undefined || timezone === undefined || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, meetup: { title, startsAt, timezone, place: place ?? null, onlineUrl: link ?? null, capacity: capacity ?? null } };
}
