import { Feed } from 'feed';
import { resourceInclude, type ResourceView } from '../domain/resources/service.ts';
import { kindLabel } from '../domain/resources/view.ts';
import { tipInclude, type TipView } from '../domain/tips/service.ts';
import { tipsReadBy } from '../domain/tips/visibility.ts';
import type { Tag } from '../domain/tips/tags.ts';
import type { WebContext, WebResponse } from './context.ts';
import { linkified } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import type { Alternate } from './layout.ts';

/** How many entries a feed holds: the newest tips and resources together. */
export const FEED_ENTRIES = 50;

/** What a feed is about: everything new, one network's, or one tag's. */
export interface FeedScope {
  network?: { id: number; slug: string; name: string };
  tag?: Tag;
}

export const feedPath = (scope: FeedScope) =>
  scope.network ? `/networks/${scope.network.slug}/feed.atom` : scope.tag ? `/tags/${encodeURIComponent(scope.tag.tag)}/feed.atom` : '/feed.atom';

function feedTitle(ctx: WebContext, scope: FeedScope): string {
  if (scope.network) return ctx.t('knowledge.feed.networkTitle', { name: scope.network.name });
  if (scope.tag) return ctx.t('knowledge.feed.tagTitle', { tag: scope.tag.label });
  return ctx.t('knowledge.feed.title');
}

/** The feeds a page offers in its <head>: its own scope's first, then everything new. */
export function feedAlternates(ctx: WebContext, scope: FeedScope): Alternate[] {
  const own = { type: 'application/atom+xml', title: feedTitle(ctx, scope), href: feedPath(scope) };
  return scope.network || scope.tag ? [own, feedAlternates(ctx, {})[0]!] : [own];
}

/** The visible link to a feed, at the foot of a list. */
export const feedLink = (ctx: WebContext, alternate: Alternate): SafeHtml =>
  html`<p class="feed-link"><a href="${alternate.href}" type="${alternate.type}">${ctx.t('knowledge.feed.link')}</a> — ${alternate.title}</p>`;

/** Text someone wrote, as the HTML an Atom entry's type="html" holds: escaped, with its addresses as links. */
const entryHtml = (text: string, language: string | null) => html`<div${language ? html` lang="${language}"` : ''} style="white-space: pre-line">${linkified(text)}</div>`.value;

interface Entry {
  title: string;
  link: string;
  published: Date;
  updated: Date;
  content: string;
  author: string | undefined;
  categories: string[];
}

function tipEntry(ctx: WebContext, tip: TipView): Entry {
  return {
    title: html`${tip.title}`.value,
    link: `${ctx.baseUrl}/tips/${tip.id}`,
    published: tip.createdAt,
    updated: tip.updatedAt,
    content: entryHtml(tip.text, tip.language),
    author: tip.author.displayName,
    categories: [ctx.t('knowledge.feed.tip'), ...tip.tags.map(({ label }) => label)],
  };
}

function resourceEntry(ctx: WebContext, resource: ResourceView): Entry {
  const kind = kindLabel(resource, ctx.t);
  return {
    title: html`${resource.title}`.value,
    link: `${ctx.baseUrl}/resources/${resource.id}`,
    published: resource.createdAt,
    updated: resource.updatedAt,
    content: html`<p><a href="${resource.url}">${resource.url}</a></p><p>${[kind, resource.network?.name, resource.year].filter(Boolean).join(' · ')}</p>`.value,
    author: resource.network?.name ?? resource.addedBy?.displayName,
    categories: [kind, ...resource.tags.map(({ label }) => label)],
  };
}

/**
 * The Atom feed of what is new in the knowledge base (the `feed` library writes it): the newest
 * public tips and resources, overall, of one network, or of one tag. Entry ids are the items'
 * web addresses, which never change; user text is escaped before it goes into the feed's HTML.
 */
export async function knowledgeFeed(ctx: WebContext, scope: FeedScope): Promise<WebResponse> {
  const { db } = ctx.services;
  const [tips, resources] = await Promise.all([
    db.tip.findMany({
      where: { ...tipsReadBy('public'), ...(scope.network ? { networkId: scope.network.id } : {}), ...(scope.tag ? { tags: { some: { tag: scope.tag.tag } } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: FEED_ENTRIES,
      include: tipInclude,
    }),
    db.resource.findMany({
      where: { ...(scope.network ? { networkId: scope.network.id } : {}), ...(scope.tag ? { tags: { some: { tag: scope.tag.tag } } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: FEED_ENTRIES,
      include: resourceInclude,
    }),
  ]);
  const entries = [...tips.map((tip) => tipEntry(ctx, tip)), ...resources.map((resource) => resourceEntry(ctx, resource))]
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .slice(0, FEED_ENTRIES);
  const self = `${ctx.baseUrl}${feedPath(scope)}`;
  const feed = new Feed({
    id: self,
    title: feedTitle(ctx, scope),
    description: ctx.t('knowledge.feed.subtitle'),
    link: `${ctx.baseUrl}${scope.network ? `/networks/${scope.network.slug}` : scope.tag ? `/tips?${new URLSearchParams({ tag: scope.tag.tag }).toString()}` : '/tips'}`,
    feedLinks: { atom: self },
    language: ctx.locale,
    updated: entries.reduce<Date>((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0)),
    generator: 'Relais',
    copyright: ctx.t('web.footer'),
  });
  for (const entry of entries) {
    feed.addItem({
      title: entry.title,
      id: entry.link,
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      content: entry.content,
      ...(entry.author ? { author: [{ name: entry.author }] } : {}),
      category: entry.categories.map((term) => ({ term, name: term })),
    });
  }
  return { status: 200, contentType: 'application/atom+xml; charset=utf-8', body: feed.atom1() };
}
