import type { Reply } from '../../core/card.ts';
import type { ChannelRef } from '../../core/platform.ts';
import { channelDefaults, ensureChannel } from '../../domain/directory.ts';
import { announce } from '../../domain/meetups/announce.ts';
import { checkDraft, draftFields, type DraftMeetup, type MeetupDraft } from '../../domain/meetups/draft.ts';
import type { Note } from '../../domain/meetups/when/index.ts';
import { createMeetup } from '../../domain/meetups/service.ts';
import { translate, translator } from '../../i18n/translate.ts';
import { form } from '../declare.ts';

/** The zones partner networks live in (metropolitan and overseas France, neighbours); the channel's own is added. */
const commonZones = [
  'Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'America/Miquelon', 'Indian/Reunion',
  'Indian/Mayotte', 'Pacific/Noumea', 'Pacific/Tahiti', 'Pacific/Wallis', 'Europe/Brussels', 'Europe/Luxembourg',
  'Europe/Zurich', 'America/Montreal', 'UTC',
];

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** `/meetup create` with nothing after it, on a platform with forms: every field on its own, checked at once. */
export const meetupForm = form<{ meetup: DraftMeetup; notes: Note[]; channels: ChannelRef[] }>({
  id: 'meetup.create',
  permission: 'organizer',
  build({ locale, timeZone }) {
    const t = translator(locale);
    const zones = commonZones.includes(timeZone) ? commonZones : [timeZone, ...commonZones];
    return {
      id: 'meetup.create',
      locale,
      title: t('meetups.form.title'),
      submit: t('meetups.form.submit'),
      close: t('meetups.form.close'),
      fields: [
        { name: 'title', kind: 'text', label: t('meetups.form.titleLabel'), maxLength: 200, placeholder: t('meetups.form.titlePlaceholder') },
        { name: 'date', kind: 'date', label: t('meetups.form.date') },
        { name: 'time', kind: 'time', label: t('meetups.form.time') },
        { name: 'end', kind: 'time', label: t('meetups.form.end'), optional: true, hint: t('meetups.form.endHint') },
        { name: 'timezone', kind: 'timezone', label: t('meetups.form.timezone'), options: zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })), initial: timeZone },
        { name: 'place', kind: 'text', label: t('meetups.form.place'), optional: true, maxLength: 500, hint: t('meetups.form.placeHint') },
        { name: 'link', kind: 'url', label: t('meetups.form.link'), optional: true },
        { name: 'capacity', kind: 'number', label: t('meetups.form.capacity'), optional: true, hint: t('meetups.form.capacityHint') },
        { name: 'reminders', kind: 'text', label: t('meetups.form.reminders'), optional: true, maxLength: 100, placeholder: t('meetups.form.remindersPlaceholder'), hint: t('meetups.form.remindersHint') },
        { name: 'channels', kind: 'channels', label: t('meetups.form.channels'), hint: t('meetups.form.channelsHint') },
      ],
    };
  },
  check(values, { locale, now }) {
    const draft: MeetupDraft = Object.fromEntries(draftFields.map((field) => [field, text(values[field])]));
    const checked = checkDraft(draft, { now, locale });
    if (!checked.ok) return { ok: false, errors: checked.errors as Record<string, string> };
    const channels = Array.isArray(values.channels) ? values.channels : [];
    return { ok: true, value: { meetup: checked.meetup, notes: checked.notes, channels } };
  },
  async run({ meetup: draft, notes, channels }, ctx) {
    const meetup = await createMeetup(ctx.db, { ...draft, organizerId: ctx.member.id, networkId: ctx.channel.networkId, channelId: ctx.channel.id });
    const said = notes.map((note) => [translate(ctx.locale, note.key, note.params)]);
    const replies: Reply[] = [{ visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'success', body: [[ctx.t('meetups.created', { id: meetup.id })], ...said] } }];
    const targets = channels.length ? channels : [ctx.gesture.channel];
    for (const target of targets) {
      const channel = await ensureChannel(ctx.db, target, channelDefaults(ctx.config));
      await announce(ctx.db, ctx.out, ctx.renderAnnouncement, meetup.id, channel);
    }
    return replies;
  },
});
