import type { Card, Inline, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { countsLine, whenText } from '../meetups/view.ts';
import type { MeetupView } from '../meetups/service.ts';
import { resourceLine } from '../resources/view.ts';
import { isVerified } from '../tips/curation.ts';
import type { TipView } from '../tips/service.ts';
import { queueLine } from '../tips/view.ts';
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

/** Tips grouped by their first tag (shown as its tips write it), groups in the order of their best tip; verified tips say so. */
function tipGroups(digest: Digest, t: Translate): Rich[] {
  const groups = new Map<string, { label: string; tips: TipView[] }>();
  for (const tip of digest.tips) {
    const first = tip.tags[0];
    const key = first?.tag ?? '';
    const group = groups.get(key) ?? { label: first ? `#${first.label}` : t('schedule.digest.untagged'), tips: [] };
    group.tips.push(tip);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ label, tips }): Rich => [
    '💡 ',
    { strong: label },
    ' — ',
    ...tips.flatMap((tip, index): Inline[] => {
      const name = truncate(tip.title, 80, { atWord: true });
      const verified = isVerified(tip, digest.until) ? `${t('curation.verifiedMark')}, ` : '';
      return [
        ...(index ? [' · '] : []),
        tip.permalink ? { link: tip.permalink, label: name } : name,
        ` (${verified}${tip.author.displayName}, ${t('tips.votes', { count: tip.voteCount })}${origin(digest, tip)})`,
      ];
    }),
  ]);
}

/** The period's resources: one line, each linking to its address. */
function resourceItems(digest: Digest, t: Translate): Rich[] {
  if (digest.resources.length === 0) return [];
  return [[{ strong: t('resources.digest.title') }, ' — ', ...digest.resources.flatMap((resource, index): Inline[] => [...(index ? [' · '] : []), ...resourceLine(resource, t)])]];
}

/** A moderation channel's section: how many tips wait, and the first ones with why. */
function moderationItems(digest: Digest, options: DigestRenderOptions): Rich[] {
  const queue = digest.moderation;
  if (!queue?.total) return [];
  const { t } = options;
  const render = { t, locale: options.locale, timeZone: options.timeZone, now: digest.until };
  return [
    [{ strong: t('curation.queue.digestTitle') }, ` — ${t('curation.queue.count', { count: queue.total })}`],
    ...queue.tips.map((tip) => ['🛡 ', ...queueLine(tip, render)]),
  ];
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
    ...(digest.resources.length ? [t('resources.count', { count: digest.resources.length })] : []),
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
      ...moderationItems(digest, options),
      ...tipGroups(digest, t),
      ...resourceItems(digest, t),
      ...digest.upcoming.map((meetup) => meetupLine(digest, meetup, '📅', { locale, timeZone }, upcomingDetail(meetup, t))),
      ...digest.past.map((meetup) => meetupLine(digest, meetup, '🗓', { locale, timeZone }, t('schedule.digest.attendance', { count: meetup.counts.going }))),
      ...(contributors ? [[`🙌 ${t('schedule.digest.contributors', { names: contributors })}`]] : []),
    ],
    ...(base
      ? { footer: [{ link: `${base}/tips`, label: t('schedule.digest.allTips') }, ' · ', { link: `${base}/meetups`, label: t('schedule.digest.allMeetups') }] }
      : {}),
  };
}
