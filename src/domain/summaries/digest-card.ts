import type { Card, Inline, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { countsLine, whenText } from '../meetups/view.ts';
import type { MeetupView } from '../meetups/service.ts';
import type { TipView } from '../tips/service.ts';
import { truncate } from '../../core/text.ts';
import { isEmptyDigest, type Digest } from './digest.ts';

/** weekly and daily are scheduled digests; manual is one asked for with /summary now. */
export type DigestKind = 'weekly' | 'daily' | 'manual';

export interface DigestRenderOptions {
  t: Translate;
  locale: string;
  timeZone: string;
  kind: DigestKind;
  publicUrl?: string | undefined;
}

function title(digest: Digest, { t, kind }: DigestRenderOptions): string {
  if (digest.hub) return t('schedule.digest.hubTitle');
  const base = t(`schedule.digest.title.${kind}`);
  return digest.networkName ? `${base} — ${digest.networkName}` : base;
}

/** In a cross-network digest, every item says which network it came from. */
const origin = (digest: Digest, item: { network: { name: string } | null }) =>
  digest.crossNetwork && item.network ? ` [${item.network.name}]` : '';

/** Tips grouped by their first tag, groups in the order of their best tip. */
function tipGroups(digest: Digest, t: Translate): Rich[] {
  const groups = new Map<string, TipView[]>();
  for (const tip of digest.tips) {
    const tag = tip.tags[0]?.tag ?? '';
    groups.set(tag, [...(groups.get(tag) ?? []), tip]);
  }
  return [...groups].map(([tag, tips]): Rich => [
    '💡 ',
    { strong: tag ? `#${tag}` : t('schedule.digest.untagged') },
    ' — ',
    ...tips.flatMap((tip, index): Inline[] => {
      const name = truncate(tip.title, 80, { atWord: true });
      return [
        ...(index ? [' · '] : []),
        tip.permalink ? { link: tip.permalink, label: name } : name,
        ` (${tip.author.displayName}, ${t('tips.votes', { count: tip.voteCount })}${origin(digest, tip)})`,
      ];
    }),
  ]);
}

function meetupLine(digest: Digest, meetup: MeetupView, emoji: string, reader: { locale: string; timeZone: string }, detail: string): Rich {
  return [`${emoji} `, { strong: `#${meetup.id}` }, ` ${truncate(meetup.title, 80, { atWord: true })}${origin(digest, meetup)} — ${whenText(meetup, reader.locale, reader.timeZone)} · ${detail}`];
}

function upcomingDetail(meetup: MeetupView, t: Translate): string {
  const seats = meetup.capacity === null ? '' : ` · 👥 ${t('meetups.seats', { taken: meetup.counts.going, capacity: meetup.capacity })}`;
  return `${countsLine(meetup, t)}${seats}`;
}

function intro(digest: Digest, t: Translate): string {
  const parts = [
    t('schedule.digest.tipsCount', { count: digest.tips.length }),
    t('schedule.digest.upcomingCount', { count: digest.upcoming.length }),
    t('schedule.digest.pastCount', { count: digest.past.length }),
  ];
  if (digest.hub) {
    const networks = new Set([...digest.tips, ...digest.upcoming, ...digest.past].flatMap((item) => (item.network ? [item.network.id] : [])));
    parts.push(t('schedule.digest.networksCount', { count: networks.size }));
  }
  return parts.join(' · ');
}

/** The digest as posted: one line when the period was empty, else bounded sections and links to the web pages. */
export function digestCard(digest: Digest, options: DigestRenderOptions): Card {
  const { t, locale, timeZone } = options;
  const header = [title(digest, options)];
  if (isEmptyDigest(digest)) return { locale, header, body: [[t('schedule.digest.empty')]] };
  const contributors = digest.contributors.map((person) => `${person.name} (${person.tips})`).join(', ');
  const base = options.publicUrl?.replace(/\/$/, '');
  return {
    locale,
    header,
    body: [[intro(digest, t)]],
    items: [
      ...tipGroups(digest, t),
      ...digest.upcoming.map((meetup) => meetupLine(digest, meetup, '📅', { locale, timeZone }, upcomingDetail(meetup, t))),
      ...digest.past.map((meetup) => meetupLine(digest, meetup, '🗓', { locale, timeZone }, t('schedule.digest.attendance', { count: meetup.counts.going }))),
      ...(contributors ? [[`🙌 ${t('schedule.digest.contributors', { names: contributors })}`]] : []),
    ],
    ...(base
      ? { footer: [{ link: `${base}/tips`, label: t('schedule.digest.allTips') }, ' · ', { link: `${base}/meetups`, label: t('schedule.digest.allMeetups') }] }
      : {}),
  };
}
