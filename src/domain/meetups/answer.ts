import type { Card } from '../../core/card.ts';
import type { Clock } from '../../core/clock.ts';
import { translator } from '../../i18n/translate.ts';
import type { MemberRecord } from '../directory.ts';
import { tellAbout, type NoticeDeps } from './notices.ts';
import { setRsvp, type RsvpOutcome, type RsvpSource, type RsvpStatus, type WaitingMove } from './rsvp.ts';

export interface AnswerDeps extends NoticeDeps {
  clock: Clock;
}

/** Those a change moved on the waitlist hear of it: a seat for the promoted, their new place for the others. */
export async function tellWaitlist(deps: NoticeDeps, meetup: { id: number; title: string }, promoted: MemberRecord[], movedUp: WaitingMove[]): Promise<void> {
  const card = (locale: string, text: string): Card => ({ locale, tone: 'success', body: [[text]] });
  await tellAbout(deps, meetup.id, promoted, (locale) => card(locale, translator(locale)('meetups.promoted', { id: meetup.id, title: meetup.title })));
  for (const { member, position } of movedUp) {
    await tellAbout(deps, meetup.id, [member], (locale) => card(locale, translator(locale)('meetupFlow.waitlist.movedUp', { id: meetup.id, title: meetup.title, position })));
  }
}

/**
 * One answer to a meetup, whatever the way it came (command, button, reaction, any platform):
 * stored, and the people it moved on the waitlist told. The caller refreshes the announcements once it commits.
 */
export async function answerMeetup(deps: AnswerDeps, member: MemberRecord, meetupId: number, status: RsvpStatus | null, source: RsvpSource): Promise<RsvpOutcome> {
  const outcome = await setRsvp(deps.db, meetupId, member.id, status, source, deps.clock.now());
  if (outcome.promoted.length || outcome.movedUp.length) {
    const meetup = await deps.db.meetup.findUniqueOrThrow({ where: { id: meetupId }, select: { id: true, title: true } });
    await tellWaitlist(deps, meetup, outcome.promoted, outcome.movedUp);
  }
  return outcome;
}

/** The private confirmation shown to the person who answered; on the waitlist, with their place in it. */
export function answerConfirmation(outcome: RsvpOutcome, meetupId: number, locale: string): Card {
  const t = translator(locale);
  const text = outcome.status === null
    ? t('meetups.rsvp.withdrawn', { id: meetupId })
    : outcome.waitlisted
      ? t('meetupFlow.waitlist.position', { id: meetupId, position: outcome.position ?? 0 })
      : t(`meetups.rsvp.${outcome.status}`, { id: meetupId });
  return { locale, tone: 'success', body: [[text]] };
}
