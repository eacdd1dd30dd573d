import type { Card } from '../../core/card.ts';
import type { Clock } from '../../core/clock.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Outgoing } from '../../delivery/outgoing.ts';
import { translator } from '../../i18n/translate.ts';
import { userRefOf, type MemberRecord } from '../directory.ts';
import { setRsvp, type RsvpOutcome, type RsvpSource, type RsvpStatus } from './rsvp.ts';

export interface AnswerDeps {
  db: Tx;
  clock: Clock;
  out: Outgoing;
  /** RELAIS_LOCALE: the language promoted people are told in. */
  config: { RELAIS_LOCALE: string };
}

/**
 * One answer to a meetup, whatever the way it came (command, button, reaction, any platform):
 * stored, and promoted people told. The caller refreshes the announcements once it commits.
 */
export async function answerMeetup(deps: AnswerDeps, member: MemberRecord, meetupId: number, status: RsvpStatus | null, source: RsvpSource): Promise<RsvpOutcome> {
  const outcome = await setRsvp(deps.db, meetupId, member.id, status, source, deps.clock.now());
  if (outcome.promoted.length) {
    const meetup = await deps.db.meetup.findUniqueOrThrow({ where: { id: meetupId }, select: { title: true } });
    const locale = deps.config.RELAIS_LOCALE;
    await tell(deps.out, outcome.promoted, { locale, tone: 'success', body: [[translator(locale)('meetups.promoted', { id: meetupId, title: meetup.title })]] });
  }
  return outcome;
}

/** Tells people privately (where their platform allows). */
export async function tell(out: Outgoing, members: MemberRecord[], card: Card): Promise<void> {
  for (const member of members) await out.direct(userRefOf(member), card);
}

/** The private confirmation shown to the person who answered. */
export function answerConfirmation(outcome: RsvpOutcome, meetupId: number, locale: string): Card {
  const t = translator(locale);
  const text = outcome.status === null
    ? t('meetups.rsvp.withdrawn', { id: meetupId })
    : outcome.waitlisted
      ? t('meetups.rsvp.waitlisted', { id: meetupId })
      : t(`meetups.rsvp.${outcome.status}`, { id: meetupId });
  return { locale, tone: 'success', body: [[text]] };
}
