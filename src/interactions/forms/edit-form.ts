import type { Form, FormField } from '../../core/form.ts';
import type { Reply } from '../../core/card.ts';
import { reminderOffsets, writtenOffsets } from '../../domain/meetups/reminder-offsets.ts';
import type { MeetupRecord, MeetupView } from '../../domain/meetups/service.ts';
import { translator, type Translate } from '../../i18n/translate.ts';
import type { InteractionContext } from '../context.ts';
import type { FormContext } from '../declare.ts';
import { changeCard } from '../meetup-drafts.ts';
import { asksScope } from '../series-scope.ts';
import { initialOf, meetupFields } from './meetup-fields.ts';

/**
 * The form that changes a meetup, filled in with it (without one: every field it can have). Apart
 * from its declaration (./meetup-edit.ts), so that a card's "Change" button can open it without
 * the button's card depending on what the form's submission answers.
 */
export const EDIT_FORM_ID = 'meetup.edit';

/** The reminders as the field shows them: blank for the usual ones, as typed otherwise ("2j,1h", "aucune"). */
function writtenReminders(meetup: MeetupRecord, t: Translate, locale: string): string | undefined {
  if (meetup.reminderOffsets === null) return undefined;
  const offsets = reminderOffsets(meetup, []);
  return offsets.length ? writtenOffsets(offsets, locale) : t('meetupFlow.change.none');
}

const scopeField = (t: Translate): FormField => ({
  name: 'scope',
  kind: 'choice',
  label: t('meetupForms.scope'),
  hint: t('meetupForms.scopeHint'),
  options: [{ value: 'one', label: t('meetupForms.scopes.only') }, { value: 'following', label: t('meetupForms.scopes.following') }],
});

export function buildEditForm({ locale, timeZone }: FormContext, meetup?: MeetupRecord): Form {
  const t = translator(locale);
  const { head, rest } = meetupFields(t, timeZone, meetup && initialOf(meetup, writtenReminders(meetup, t, locale)));
  return {
    id: EDIT_FORM_ID,
    locale,
    title: t('meetupForms.edit.title'),
    submit: t('meetupForms.edit.submit'),
    close: t('meetups.form.close'),
    ...(meetup ? { subject: String(meetup.id) } : {}),
    fields: [...head, ...rest, ...(!meetup || asksScope(meetup) ? [scopeField(t)] : [])],
  };
}

/** What "change this meetup" opens: the form where the platform shows forms, else each field as a line to type. */
export function editAnswer(ctx: InteractionContext, meetup: MeetupView): Reply {
  const card = changeCard(meetup, ctx);
  if (!ctx.forms) return { visibility: 'ephemeral', card };
  return { visibility: 'ephemeral', form: buildEditForm({ locale: ctx.locale, timeZone: ctx.timeZone, now: ctx.clock.now() }, meetup), card };
}
