import { DateTime } from 'luxon';
import type { Reply } from '../../core/card.ts';
import type { FieldErrors, FormValues } from '../../core/form.ts';
import type { ChannelRef } from '../../core/platform.ts';
import { RelaisError } from '../../core/errors.ts';
import { channelDefaults, ensureChannel } from '../../domain/directory.ts';
import { announce } from '../../domain/meetups/announce.ts';
import type { DraftMeetup } from '../../domain/meetups/draft.ts';
import { announceToFollowers } from '../../domain/meetups/follow.ts';
import { createSeries, DEFAULT_ANNOUNCE_DAYS, seriesPreviewNotes } from '../../domain/meetups/series.ts';
import { createMeetup } from '../../domain/meetups/service.ts';
import type { Note, Recurrence } from '../../domain/meetups/when/index.ts';
import { pickedSeries, repeatChoices, type RepeatChoice } from '../../domain/meetups/when/picked-series.ts';
import { localeOr, translate, translator } from '../../i18n/translate.ts';
import { form } from '../declare.ts';
import { checkMeetupFields, meetupFields, textValue } from './meetup-fields.ts';

interface NewFromForm {
  meetup: DraftMeetup;
  membersOnly: boolean;
  notes: Note[];
  channels: ChannelRef[];
  series: { recurrence: Recurrence; announceDays: number } | null;
}

const isRepeat = (value: string | null): value is RepeatChoice => repeatChoices.includes(value as RepeatChoice);

/**
 * The repetition chosen, from the date picked: a series (with what its preview would say), or
 * none; a series' own fields without a repetition are refused beside them, never dropped.
 */
function checkRepeat(values: FormValues, meetup: DraftMeetup | undefined, options: { now: Date; locale: string }, errors: FieldErrors) {
  const t = translator(options.locale);
  const repeat = textValue(values.repeat) ?? 'none';
  const until = textValue(values.until);
  const daysText = textValue(values.announceDays);
  const days = daysText === null ? DEFAULT_ANNOUNCE_DAYS : Number(daysText);
  if (!isRepeat(repeat)) errors.repeat = t('validation.invalid');
  if (!Number.isInteger(days) || days < 1 || days > 60) errors.announceDays = t('meetupForms.errors.announceDays');
  if (repeat === 'none') {
    if (until) errors.until = t('meetupForms.errors.onlyForSeries');
    if (daysText !== null) errors.announceDays = t('meetupForms.errors.onlyForSeries');
    return { series: null, notes: [] };
  }
  if (!meetup || !isRepeat(repeat) || repeat === 'none' || Object.keys(errors).length) return { series: null, notes: [] };
  const untilDay = until ? DateTime.fromISO(until, { zone: 'UTC' }) : null;
  if (untilDay && !untilDay.isValid) {
    errors.until = t('validation.invalid');
    return { series: null, notes: [] };
  }
  const locale = localeOr(options.locale, 'fr');
  try {
    const read = pickedSeries(repeat, meetup.startsAt, meetup.endsAt ? Math.round((meetup.endsAt.getTime() - meetup.startsAt.getTime()) / 60_000) : null, {
      now: options.now, timeZone: meetup.timezone, locale, untilDay: untilDay ? { year: untilDay.year, month: untilDay.month, day: untilDay.day } : null,
    });
    const notes = [...read.notes, ...seriesPreviewNotes(read.recurrence, meetup.timezone, meetup.startsAt, days, locale)];
    return { series: { recurrence: read.recurrence, announceDays: days }, notes };
  } catch (error) {
    if (!(error instanceof RelaisError)) throw error;
    errors[error.userMessage.startsWith('when.errors.until') ? 'until' : 'repeat'] = translate(options.locale, error.userMessage, error.params);
    return { series: null, notes: [] };
  }
}

/** `/meetup create` with nothing after it, on a platform with forms: every field on its own, checked at once. */
export const meetupForm = form<NewFromForm>({
  id: 'meetup.create',
  permission: 'organizer',
  build({ locale, timeZone }) {
    const t = translator(locale);
    const { head, rest } = meetupFields(t, timeZone);
    return {
      id: 'meetup.create',
      locale,
      title: t('meetups.form.title'),
      submit: t('meetups.form.submit'),
      close: t('meetups.form.close'),
      fields: [
        ...head,
        { name: 'repeat', kind: 'choice', label: t('meetupForms.repeat'), hint: t('meetupForms.repeatHint'), options: repeatChoices.map((value) => ({ value, label: t(`meetupForms.repeats.${value}`) })), initial: 'none' },
        { name: 'until', kind: 'date', label: t('meetupForms.until'), optional: true, hint: t('meetupForms.untilHint') },
        { name: 'announceDays', kind: 'number', label: t('meetupForms.announceDays'), optional: true, hint: t('meetupForms.announceDaysHint') },
        ...rest,
        { name: 'channels', kind: 'channels', label: t('meetups.form.channels'), hint: t('meetups.form.channelsHint') },
      ],
    };
  },
  check(values, { locale, now }) {
    const checked = checkMeetupFields(values, { now, locale });
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    const { series, notes } = checkRepeat(values, checked.ok ? checked.meetup : undefined, { now, locale }, errors);
    if (!checked.ok || Object.keys(errors).length) return { ok: false, errors };
    const channels = Array.isArray(values.channels) ? values.channels : [];
    return { ok: true, value: { meetup: checked.meetup, membersOnly: checked.membersOnly, notes: [...checked.notes, ...notes], channels, series } };
  },
  async run({ meetup: draft, membersOnly, notes, channels, series }, ctx) {
    const fields = { ...draft, membersOnly, organizerId: ctx.member.id, networkId: ctx.channel.networkId, channelId: ctx.channel.id };
    const meetup = series
      ? (await createSeries(ctx.db, { ...fields, recurrence: series.recurrence, announceDaysAhead: series.announceDays })).first
      : await createMeetup(ctx.db, fields);
    const said = notes.map((note) => [translate(ctx.locale, note.key, note.params)]);
    const replies: Reply[] = [{ visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'success', body: [[ctx.t('meetups.created', { id: meetup.id })], ...said] } }];
    const targets = channels.length ? channels : [ctx.gesture.channel];
    for (const target of targets) {
      const channel = await ensureChannel(ctx.db, target, channelDefaults(ctx.config));
      await announce(ctx.db, ctx.out, ctx.renderAnnouncement, meetup.id, channel);
    }
    await announceToFollowers(ctx.db, ctx.out, ctx.renderAnnouncement, meetup);
    return replies;
  },
});
