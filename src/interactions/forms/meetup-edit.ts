import { DateTime } from 'luxon';
import type { DraftMeetup } from '../../domain/meetups/draft.ts';
import { getMeetup, type MeetupChanges, type MeetupRecord } from '../../domain/meetups/service.ts';
import type { Note } from '../../domain/meetups/when/index.ts';
import { translator } from '../../i18n/translate.ts';
import { form } from '../declare.ts';
import { applyEdit } from '../meetup-edit.ts';
import { confirmation } from '../replies.ts';
import { scopeOf } from '../series-scope.ts';
import { buildEditForm, EDIT_FORM_ID } from './edit-form.ts';
import { checkMeetupFields } from './meetup-fields.ts';

interface EditFromForm {
  id: number;
  meetup: DraftMeetup;
  membersOnly: boolean;
  notes: Note[];
  scope: 'one' | 'following' | undefined;
}

const sameInstant = (a: Date | null | undefined, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Only what the form changed: an unchanged field is no change (and tells nobody). */
function changesOf(current: MeetupRecord, submitted: EditFromForm): MeetupChanges {
  const { meetup: draft, membersOnly } = submitted;
  const changes: MeetupChanges = {};
  if (draft.title !== current.title) changes.title = draft.title;
  if (!sameInstant(draft.startsAt, current.startsAt) || draft.timezone !== current.timezone) Object.assign(changes, { startsAt: draft.startsAt, timezone: draft.timezone });
  // The form only shows an end on the start's day; a longer meetup keeps its end unless one is picked.
  const endShown = current.endsAt !== null && DateTime.fromJSDate(current.endsAt, { zone: current.timezone }).hasSame(DateTime.fromJSDate(current.startsAt, { zone: current.timezone }), 'day');
  const endsAt = draft.endsAt ?? null;
  if (!sameInstant(endsAt, current.endsAt) && (endsAt !== null || endShown)) changes.endsAt = endsAt;
  if ((draft.place ?? null) !== current.place) changes.place = draft.place ?? null;
  if ((draft.onlineUrl ?? null) !== current.onlineUrl) changes.onlineUrl = draft.onlineUrl ?? null;
  if ((draft.capacity ?? null) !== current.capacity) changes.capacity = draft.capacity ?? null;
  if ((draft.reminderOffsets ?? null) !== current.reminderOffsets) changes.reminderOffsets = draft.reminderOffsets ?? null;
  if (membersOnly !== current.membersOnly) changes.membersOnly = membersOnly;
  return changes;
}

/** `/meetup edit <n°>` (and a preview's "Change") on a platform with forms: the meetup's fields, filled in. */
export const meetupEditForm = form<EditFromForm, MeetupRecord>({
  id: EDIT_FORM_ID,
  permission: 'owner',
  target: 'meetup',
  build: buildEditForm,
  check(values, { locale, now, subject }) {
    const checked = checkMeetupFields(values, { now, locale });
    const id = Number(subject);
    // The subject comes back from the platform as the form carried it: anything else edits nothing.
    if (!Number.isSafeInteger(id) || id < 1) return { ok: false, errors: { title: translator(locale)('errors.notFound.target') } };
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const scope = values.scope === 'one' || values.scope === 'following' ? values.scope : undefined;
    return { ok: true, value: { id, meetup: checked.meetup, membersOnly: checked.membersOnly, notes: checked.notes, scope } };
  },
  async run(submitted, ctx) {
    const current = await getMeetup(ctx.db, submitted.id);
    const changes = changesOf(current, submitted);
    if (!Object.keys(changes).length) return confirmation(ctx, ctx.t('meetupForms.nothingChanged', { id: current.id }));
    const scope = scopeOf(current, submitted.scope, ctx, `meetup edit ${current.id} {scope}`);
    return applyEdit(ctx, current, changes, submitted.notes, scope);
  },
});
