import { DateTime } from 'luxon';
import type { FormField, FormValues } from '../../core/form.ts';
import { checkDraft, draftFields, type DraftCheck, type MeetupDraft } from '../../domain/meetups/draft.ts';
import type { MeetupRecord } from '../../domain/meetups/service.ts';
import type { Translate } from '../../i18n/translate.ts';

/** The zones partner networks live in (metropolitan and overseas France, neighbours); the channel's own is added. */
const commonZones = [
  'Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'America/Miquelon', 'Indian/Reunion',
  'Indian/Mayotte', 'Pacific/Noumea', 'Pacific/Tahiti', 'Pacific/Wallis', 'Europe/Brussels', 'Europe/Luxembourg',
  'Europe/Zurich', 'America/Montreal', 'UTC',
];

/** What a meetup's fields start with in a form that changes it: its values, in its own zone. */
export interface MeetupInitial {
  title: string;
  date: string;
  time: string;
  end?: string;
  timezone: string;
  place?: string;
  link?: string;
  capacity?: string;
  reminders?: string;
  membersOnly: boolean;
}

export function initialOf(meetup: MeetupRecord, writtenReminders: string | undefined): MeetupInitial {
  const start = DateTime.fromJSDate(meetup.startsAt, { zone: meetup.timezone });
  const end = meetup.endsAt && DateTime.fromJSDate(meetup.endsAt, { zone: meetup.timezone });
  return {
    title: meetup.title,
    date: start.toISODate() ?? '',
    time: start.toFormat('HH:mm'),
    // A form's end is on the start's day: an end on another day stays as it is unless changed by command.
    ...(end && end.hasSame(start, 'day') ? { end: end.toFormat('HH:mm') } : {}),
    timezone: meetup.timezone,
    ...(meetup.place ? { place: meetup.place } : {}),
    ...(meetup.onlineUrl ? { link: meetup.onlineUrl } : {}),
    ...(meetup.capacity !== null ? { capacity: String(meetup.capacity) } : {}),
    ...(writtenReminders !== undefined ? { reminders: writtenReminders } : {}),
    membersOnly: meetup.membersOnly,
  };
}

/** A meetup's own fields, the same in the form that creates one and the form that changes one. */
export function meetupFields(t: Translate, timeZone: string, initial?: MeetupInitial): { head: FormField[]; rest: FormField[] } {
  const zone = initial?.timezone ?? timeZone;
  const zones = commonZones.includes(zone) ? commonZones : [zone, ...commonZones];
  const start = (name: keyof MeetupInitial) => {
    const value = initial?.[name];
    return typeof value === 'string' ? { initial: value } : {};
  };
  return {
    head: [
      { name: 'title', kind: 'text', label: t('meetups.form.titleLabel'), maxLength: 200, placeholder: t('meetups.form.titlePlaceholder'), ...start('title') },
      { name: 'date', kind: 'date', label: t('meetups.form.date'), ...start('date') },
      { name: 'time', kind: 'time', label: t('meetups.form.time'), ...start('time') },
      { name: 'end', kind: 'time', label: t('meetups.form.end'), optional: true, hint: t('meetups.form.endHint'), ...start('end') },
    ],
    rest: [
      { name: 'timezone', kind: 'timezone', label: t('meetups.form.timezone'), options: zones.map((value) => ({ value, label: value.replace(/_/g, ' ') })), initial: zone },
      { name: 'place', kind: 'text', label: t('meetups.form.place'), optional: true, maxLength: 500, hint: t('meetups.form.placeHint'), ...start('place') },
      { name: 'link', kind: 'url', label: t('meetups.form.link'), optional: true, ...start('link') },
      { name: 'capacity', kind: 'number', label: t('meetups.form.capacity'), optional: true, hint: t('meetups.form.capacityHint'), ...start('capacity') },
      { name: 'reminders', kind: 'text', label: t('meetups.form.reminders'), optional: true, maxLength: 100, placeholder: t('meetups.form.remindersPlaceholder'), hint: t('meetups.form.remindersHint'), ...start('reminders') },
      { name: 'membersOnly', kind: 'flag', label: t('meetupForms.access'), optional: true, options: [{ value: 'on', label: t('meetupForms.membersOnly') }], ...(initial?.membersOnly ? { initial: 'on' } : {}) },
    ],
  };
}

export const textValue = (value: FormValues[string] | undefined) => (typeof value === 'string' ? value : null);

/** The meetup's own fields as submitted, checked at once (src/domain/meetups/draft.ts). */
export function checkMeetupFields(values: FormValues, options: { now: Date; locale: string }): DraftCheck & { membersOnly: boolean } {
  const draft: MeetupDraft = Object.fromEntries(draftFields.map((field) => [field, textValue(values[field])]));
  return { ...checkDraft(draft, options), membersOnly: values.membersOnly === 'on' };
}
