import type { Card } from '../../core/card.ts';
import { translator } from '../../i18n/translate.ts';
import type { Services } from '../../services.ts';
import type { MemberRecord } from '../directory.ts';
import { setRsvp, type RsvpOutcome, type RsvpSource, type RsvpStatus } from './rsvp.ts';
import { getMeetup } from './service.ts';

/**
 * One answer to a meetup, whatever the way it came (command, button, reaction, any platform):
 * stored, announcements refreshed everywhere, promoted people told.
 */
export async function answerMeetup(
  services: Services,
  member: MemberRecord,
  meetupId: number,
  status: RsvpStatus | null,
  source: RsvpSource,
): Promise<RsvpOutcome> {
  const outcome = await setRsvp(services.db, meetupId, member.id, status, source, services.clock.now());
  if (outcome.changed) {
    services.announcer.changed(meetupId);
    if (outcome.promoted.length) {
      const meetup = await getMeetup(services.db, meetupId);
      await services.announcer.tell(outcome.promoted, () => {
        const t = translator(services.config.RELAIS_LOCALE);
        return { locale: services.config.RELAIS_LOCALE, tone: 'success', body: [[t('meetups.promoted', { id: meetupId, title: meetup.title })]] };
      });
    }
  }
  return outcome;
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
