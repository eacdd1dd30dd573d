import type { Card, Inline, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { truncate } from '../../core/text.ts';
import type { Forgotten } from './forget.ts';
import type { PersonalData } from './personal-data.ts';

export interface PrivacyCardOptions {
  t: Translate;
  locale: string;
  timeZone: string;
  /** "/" or "!": the command lines the cards suggest. */
  prefix: string;
  retentionDays: number;
}

const day = (date: Date, timeZone: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);

/** One kind of data: a heading with the full count, then the latest rows, then how many more. */
function section(heading: string, total: number, rows: string[], t: Translate): Rich {
  const listed: Inline[] = [' — ', rows.length ? rows.join(' · ') : t('people.myData.none')];
  const more = total > rows.length ? [` ${t('privacy.myData.more', { count: total - rows.length })}`] : [];
  return [{ strong: heading }, ...listed, ...more];
}

/** /relais my-data: readable on every platform, bounded whatever the person did (10 rows a kind). */
export function personalDataCard(data: PersonalData, options: PrivacyCardOptions): Card {
  const { t, locale, timeZone, prefix } = options;
  const date = (value: Date) => day(value, timeZone, locale);
  const title = (text: string) => truncate(text, 60, { atWord: true });
  const roles = [...(data.admin ? [t('people.myData.admin')] : []), ...data.roles.map((role) => `${t(`roles.${role.role as 'organizer'}`)} (${role.network})`)];
  return {
    locale,
    header: [t('privacy.myData.title')],
    body: [[t('privacy.myData.intro', { platform: [...new Set(data.identities.map((identity) => identity.platform))].join(', ') })]],
    fields: [
      // Every linked identity, each with when Relais first saw it.
      ...data.identities.map((identity) => ({
        label: t('privacy.myData.identity'),
        value: [`${identity.displayName} · ${identity.platform} · ${identity.workspace} · `, { code: identity.externalId }, ` — ${t('privacy.myData.firstSeen')} ${date(identity.createdAt)}`],
      })),
      { label: t('privacy.myData.roles'), value: [roles.length ? roles.join(', ') : t('privacy.myData.noRoles')] },
    ],
    items: [
      section(t('privacy.myData.tips', { count: data.tips.total }), data.tips.total,
        data.tips.latest.map((tip) => `#${tip.id} ${title(tip.title)} (${date(tip.createdAt)}${tip.status === 'published' ? '' : `, ${t('privacy.myData.hidden')}`})`), t),
      section(t('privacy.myData.votes', { count: data.votes.total }), data.votes.total,
        data.votes.latest.map((vote) => `#${vote.tipId} (${date(vote.createdAt)})`), t),
      section(t('privacy.myData.rsvps', { count: data.rsvps.total }), data.rsvps.total,
        data.rsvps.latest.map((rsvp) => `#${rsvp.meetupId} ${title(rsvp.title)} : ${rsvp.waitlisted ? t('privacy.myData.waitlisted') : t(`privacy.myData.status.${rsvp.status as 'going'}`)}`), t),
      section(t('privacy.myData.meetups', { count: data.meetups.total }), data.meetups.total,
        data.meetups.latest.map((meetup) => `#${meetup.id} ${title(meetup.title)} (${date(meetup.startsAt)})`), t),
    ],
    footer: [
      options.retentionDays > 0 ? t('privacy.myData.retention', { days: options.retentionDays }) : t('privacy.myData.keptForever'),
      ' ',
      t('privacy.myData.howToForget', { command: `${prefix}relais forget-me` }),
    ],
  };
}

/** /relais forget-me without "confirm": what will go, what will stay, and the line that does it. */
export function forgetQuestionCard(data: PersonalData, options: PrivacyCardOptions): Card {
  const { t, locale, prefix } = options;
  return {
    locale,
    tone: 'warning',
    header: [t('privacy.forget.title')],
    body: [
      [t('privacy.forget.explain', { tips: data.tips.total, meetups: data.meetups.total, anonymous: t('privacy.anonymous') })],
      // Forgetting is the person's: every linked account goes.
      ...(data.identities.length > 1 ? [[t('people.forgetIdentities', { names: data.identities.map((identity) => `${identity.displayName} (${identity.platform})`).join(', ') })]] : []),
    ],
    footer: [t('privacy.forget.confirmHint', { command: `${prefix}relais forget-me confirm` })],
  };
}

export function forgottenCard(done: Forgotten, { t, locale }: Pick<PrivacyCardOptions, 't' | 'locale'>): Card {
  return {
    locale,
    tone: 'success',
    body: [[t('privacy.forget.done', {
      rsvps: t('privacy.forget.counts.rsvps', { count: done.rsvpsRemoved }),
      votes: t('privacy.forget.counts.votes', { count: done.votesRemoved }),
      roles: t('privacy.forget.counts.roles', { count: done.rolesRemoved }),
      tips: t('privacy.forget.counts.tips', { count: done.tipsAnonymised }),
      meetups: t('privacy.forget.counts.meetups', { count: done.meetupsAnonymised }),
    })], [t('privacy.forget.again')]],
  };
}
