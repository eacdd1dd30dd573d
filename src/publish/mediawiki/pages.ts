// The pages Relais publishes to the wiki, built from the database in the network's language:
// an index, one page per tag and per partner network with their tips in full, and the meetups.
// Nothing in a page depends on when it is built except which meetups are past, so a re-run with
// nothing new produces the same text and edits nothing.
import { DateTime } from 'luxon';
import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Db } from '../../db/client.ts';
import { formatInstant } from '../../core/dates.ts';
import { whenText } from '../../domain/meetups/view.ts';
import { meetupInclude, visibleMeetups, withCounts, type MeetupView } from '../../domain/meetups/service.ts';
import { resourceInclude, type ResourceView } from '../../domain/resources/service.ts';
import { resourceFacts } from '../../domain/resources/view.ts';
import { isVerified } from '../../domain/tips/curation.ts';
import { tipInclude, type TipView } from '../../domain/tips/service.ts';
import { countedTags } from '../../domain/tips/tags.ts';
import { tipsReadBy } from '../../domain/tips/visibility.ts';
import { translator, type Translate } from '../../i18n/translate.ts';
import { externalLink, internalLink, wikiBlock, wikiInline } from './wikitext.ts';

/**
 * What of the tips is public, hence published: the one rule of the web pages, the exports and
 * the digests of public channels (src/domain/tips/visibility.ts). Hidden, merged and restricted
 * tips never are.
 */
export const publicTipsWhere: Prisma.TipWhereInput = tipsReadBy('public');

export interface WikiSource {
  networks: { id: number; slug: string; name: string }[];
  /** Newest first. */
  tips: TipView[];
  /** Soonest first. */
  meetups: MeetupView[];
  /** Newest first. */
  resources: ResourceView[];
}

/** Every resource: they are what partners publish. Newest first. */
function publicResources(db: Db): Promise<ResourceView[]> {
  return db.resource.findMany({ include: resourceInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

export async function loadWikiSource(db: Db): Promise<WikiSource> {
  const [networks, tips, meetups, resources] = await Promise.all([
    db.network.findMany({ select: { id: true, slug: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    db.tip.findMany({ where: publicTipsWhere, include: tipInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    db.meetup.findMany({ where: visibleMeetups, include: meetupInclude, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] }),
    publicResources(db),
  ]);
  return { networks, tips, meetups: await withCounts(db, meetups), resources };
}

export type WikiPageKind = 'index' | 'tag' | 'network' | 'meetups';

export interface WikiPageDraft {
  title: string;
  kind: WikiPageKind;
  /** The tag or network slug the page is about; "" for the index and the meetups. */
  subject: string;
  text: string;
}

export interface PageOptions {
  locale: string;
  timeZone: string;
  /** RELAIS_WIKI_PREFIX */
  prefix: string;
  /** RELAIS_PUBLIC_URL: each tip then links to its web page too. */
  publicUrl?: string | undefined;
  /** RELAIS_WIKI_LICENSE: the operator's wikitext, as is. */
  license?: string | undefined;
  /** The wiki's own name for its category namespace. */
  categoryNamespace: string;
  /** Which meetups are past. */
  now: Date;
}

/** A title as MediaWiki stores it: underscores are spaces, and the first letter is a capital. */
function canonicalTitle(title: string): string {
  const spaced = title.replace(/_/g, ' ').replace(/ {2,}/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The title of each page, so the pages can link to one another. */
export interface Titles {
  index: string;
  meetups: string;
  tag(tag: string): string;
  network(slug: string): string;
}

/** Titles of the pages; tags that MediaWiki would spell alike ("a_b", "a__b") get numbered titles. */
function wikiTitles(prefix: string, t: Translate, tags: string[]): Titles {
  const title = (suffix: string) => canonicalTitle(`${prefix}${suffix}`);
  const tagTitles = new Map<string, string>();
  const used = new Set<string>();
  for (const tag of tags) {
    const base = title(t('wiki.titles.tag', { tag }));
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base} (${n})`;
    used.add(candidate);
    tagTitles.set(tag, candidate);
  }
  return {
    index: title(t('wiki.titles.index')),
    meetups: title(t('wiki.titles.meetups')),
    tag: (tag) => tagTitles.get(tag) ?? title(t('wiki.titles.tag', { tag })),
    network: (slug) => title(t('wiki.titles.network', { slug })),
  };
}

interface Writer {
  t: Translate;
  options: PageOptions;
  titles: Titles;
}

const day = (instant: Date, w: Writer) =>
  DateTime.fromJSDate(instant, { zone: w.options.timeZone }).setLocale(w.options.locale).toLocaleString(DateTime.DATE_FULL);

function tagLinks(tip: TipView, w: Writer): string {
  return tip.tags.map(({ tag, label }) => internalLink(w.titles.tag(tag), `#${label}`)).join(' · ');
}

/** By whom, where, how many votes, when, and the links to the original message and to the web page. */
function tipMeta(tip: TipView, w: Writer): string {
  const page = w.options.publicUrl ? `${w.options.publicUrl.replace(/\/+$/, '')}/tips/${tip.id}` : undefined;
  return [
    ...(isVerified(tip, w.options.now) ? [`'''${wikiInline(`✔ ${w.t('knowledge.verified')}`)}'''`] : []),
    `''${wikiInline(w.t('wiki.tip.by', { name: tip.author.displayName }))}''`,
    ...(tip.network ? [internalLink(w.titles.network(tip.network.slug), tip.network.name)] : []),
    wikiInline(w.t('tips.votes', { count: tip.voteCount })),
    wikiInline(day(tip.createdAt, w)),
    ...(tip.permalink ? [externalLink(tip.permalink, w.t('wiki.tip.source'))] : []),
    ...(page ? [externalLink(page, w.t('wiki.tip.page'))] : []),
  ].join(' · ');
}

function tipSection(tip: TipView, w: Writer): string {
  const tags = tagLinks(tip, w);
  return [
    `== ${wikiInline(tip.title)} ==`,
    wikiBlock(tip.text),
    `: ${tipMeta(tip, w)}`,
    ...(tags ? [`: ${wikiInline(w.t('wiki.tip.tags'))} ${tags}`] : []),
  ].join('\n');
}

/** Every page: the intro first; the category and the licence line last. */
function page(body: string[], w: Writer, category = w.t('wiki.category')): string {
  return [
    `''${wikiInline(w.t('wiki.intro'))}''`,
    ...body,
    `[[${w.options.categoryNamespace}:${wikiInline(category)}]]`,
    ...(w.options.license ? [w.options.license] : []),
  ].join('\n\n') + '\n';
}

const bullets = (lines: string[], none: string) => (lines.length ? lines.map((line) => `* ${line}`).join('\n') : `''${wikiInline(none)}''`);

function tipsPage(lead: string, tips: TipView[], none: string, w: Writer): string {
  return page([wikiInline(lead), ...(tips.length ? tips.map((tip) => tipSection(tip, w)) : [`''${wikiInline(none)}''`])], w);
}

/** Where a tip is in full: its network's page, else its first tag's; a tip with neither is only listed. */
function tipHome(tip: TipView, w: Writer): string | undefined {
  if (tip.network) return w.titles.network(tip.network.slug);
  const firstTag = tip.tags[0]?.tag;
  return firstTag === undefined ? undefined : w.titles.tag(firstTag);
}

/** How a tag is shown: as most of its tips write it (pages are titled by its folded key, which never changes). */
const labelOf = (tag: string, tagged: TipView[]) =>
  countedTags(tagged.flatMap((tip) => tip.tags.filter((entry) => entry.tag === tag).map(({ label }) => ({ tag, label, count: 1 }))))[0]?.label ?? tag;

function indexPage(source: WikiSource, tags: Map<string, TipView[]>, w: Writer): string {
  const { t, titles } = w;
  const tipCount = (count: number) => wikiInline(t('wiki.tips', { count }));
  const networks = source.networks.map(
    (network) => `${internalLink(titles.network(network.slug), network.name)} — ${tipCount(source.tips.filter((tip) => tip.networkId === network.id).length)}`,
  );
  const tagLines = [...tags].map(([tag, tagged]) => `${internalLink(titles.tag(tag), `#${labelOf(tag, tagged)}`)} — ${tipCount(tagged.length)}`);
  // Relais checked the address is http(s): it is a link, labelled with the title, then what the resource is.
  const resources = source.resources.map((resource) => `${externalLink(resource.url, resource.title)} — ${wikiInline(resourceFacts(resource, t))}`);
  const tips = source.tips.map((tip) => {
    const home = tipHome(tip, w);
    return `${home ? internalLink(home, tip.title) : wikiInline(tip.title)} — ${tipMeta(tip, w)}`;
  });
  return page(
    [
      `== ${wikiInline(t('wiki.index.networks'))} ==\n${bullets(networks, t('wiki.index.noNetworks'))}`,
      `== ${wikiInline(t('wiki.index.tags'))} ==\n${bullets(tagLines, t('wiki.index.noTips'))}`,
      ...(resources.length ? [`== ${wikiInline(t('wiki.index.resources'))} ==\n${bullets(resources, '')}`] : []),
      `== ${wikiInline(t('wiki.index.meetups'))} ==\n${bullets([internalLink(titles.meetups, t('wiki.index.meetupsLink'))], '')}`,
      `== ${wikiInline(t('wiki.index.allTips'))} ==\n${bullets(tips, t('wiki.index.noTips'))}`,
    ],
    w,
  );
}

function meetupLine(meetup: MeetupView, past: boolean, w: Writer): string {
  const { t } = w;
  const counts = past
    ? meetup.counts.going > 0 ? [t('wiki.meetups.attended', { count: meetup.counts.going })] : []
    : [t('wiki.meetups.going', { count: meetup.counts.going }), ...(meetup.counts.maybe ? [t('wiki.meetups.maybe', { count: meetup.counts.maybe })] : [])];
  const parts = [
    `'''${wikiInline(whenText(meetup, w.options.locale))}'''`,
    wikiInline(meetup.title),
    ...(meetup.network ? [internalLink(w.titles.network(meetup.network.slug), meetup.network.name)] : []),
    ...(meetup.place ? [wikiInline(meetup.place)] : []),
    // The organizer's address stays text, as every address members type does.
    ...(meetup.onlineUrl ? [wikiInline(t('wiki.meetups.online', { url: meetup.onlineUrl }))] : []),
    ...counts.map(wikiInline),
    ...(meetup.status === 'cancelled' ? [`''${wikiInline(t('wiki.meetups.cancelled'))}''`] : []),
  ];
  return parts.join(' — ');
}

function meetupsPage(meetups: MeetupView[], w: Writer): string {
  const { t, options } = w;
  const upcoming = meetups.filter((meetup) => meetup.startsAt >= options.now);
  const past = meetups.filter((meetup) => meetup.startsAt < options.now).reverse();
  return page(
    [
      `== ${wikiInline(t('wiki.meetups.upcoming'))} ==\n${bullets(upcoming.map((meetup) => meetupLine(meetup, false, w)), t('wiki.meetups.none'))}`,
      `== ${wikiInline(t('wiki.meetups.past'))} ==\n${bullets(past.map((meetup) => meetupLine(meetup, true, w)), t('wiki.meetups.none'))}`,
    ],
    w,
  );
}

/** Every page of the knowledge base, index first. */
export function buildPages(source: WikiSource, options: PageOptions): WikiPageDraft[] {
  const t = translator(options.locale);
  const tags = new Map<string, TipView[]>();
  for (const tip of source.tips) for (const { tag } of tip.tags) tags.set(tag, [...(tags.get(tag) ?? []), tip]);
  const sortedTags = new Map([...tags].sort(([a], [b]) => a.localeCompare(b, options.locale)));
  const w: Writer = { t, options, titles: wikiTitles(options.prefix, t, [...sortedTags.keys()]) };
  return [
    { title: w.titles.index, kind: 'index', subject: '', text: indexPage(source, sortedTags, w) },
    ...[...sortedTags].map(([tag, tagged]): WikiPageDraft => ({
      title: w.titles.tag(tag), kind: 'tag', subject: tag, text: tipsPage(t('wiki.tag.lead', { tag: labelOf(tag, tagged) }), tagged, t('wiki.tag.none'), w),
    })),
    ...source.networks.map((network): WikiPageDraft => ({
      title: w.titles.network(network.slug),
      kind: 'network',
      subject: network.slug,
      text: tipsPage(t('wiki.network.lead', { name: network.name }), source.tips.filter((tip) => tip.networkId === network.id), t('wiki.network.none'), w),
    })),
    { title: w.titles.meetups, kind: 'meetups', subject: '', text: meetupsPage(source.meetups, w) },
  ];
}

/** What replaces a page whose tag or network disappeared: a note, in a category operators can empty. */
export function retiredText(retired: { kind: string; subject: string }, options: Omit<PageOptions, 'now'>): string {
  const t = translator(options.locale);
  const w: Writer = { t, options: { ...options, now: new Date(0) }, titles: wikiTitles(options.prefix, t, []) };
  const note = retired.kind === 'tag' || retired.kind === 'network' ? t(`wiki.retired.${retired.kind}`, { subject: retired.subject }) : t('wiki.retired.other');
  return page([`'''${wikiInline(note)}'''`, internalLink(w.titles.index, t('wiki.titles.index'))], w, t('wiki.retired.category'));
}
