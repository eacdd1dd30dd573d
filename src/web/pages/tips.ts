import { isVerified } from '../../domain/tips/curation.ts';
import { searchResources } from '../../domain/resources/service.ts';
import { currentTipId, getTip, searchTips, type SearchHit, type TipView } from '../../domain/tips/service.ts';
import { lookedUpTag } from '../../domain/tips/tags.ts';
import { dayOf } from '../../domain/tips/view.ts';
import { findNetwork } from '../../domain/networks/service.ts';
import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { feedAlternates, feedLink } from '../feeds.ts';
import { langOf, tagList, tipList, verifiedBadge } from '../fragments.ts';
import { dayTag, linkified } from '../format.ts';
import { html, safeHref } from '../html.ts';
import { page } from '../layout.ts';
import { pageAsked, pageSuffix, paginationNav, pagingOf } from '../pagination.ts';
import { networkSummaries, tagCounts, tipsPage, type TipSort } from '../queries.ts';
import { resourceList } from '../resource-items.ts';
import { notFoundPage } from './errors.ts';

const PAGE_SIZE = 20;
const SEARCH_LIMIT = 100;
/** Resources shown above the tips a search finds. */
const SEARCH_RESOURCES = 5;

function option(value: string, label: string, selected: boolean) {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

/**
 * /tips: full-text search (?q=, with the matching resources first), tag (?tag=) and network
 * (?network=) filters, sorted newest or most voted first (?sort=top), numbered pages past which
 * there is nothing (404).
 */
export async function tipsListPage(ctx: WebContext): Promise<WebResponse> {
  const { services, t, url } = ctx;
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const typedTag = (url.searchParams.get('tag') ?? '').trim().slice(0, 41);
  const tag = typedTag ? await lookedUpTag(services.db, typedTag) : undefined;
  const slug = (url.searchParams.get('network') ?? '').trim();
  const sort: TipSort = url.searchParams.get('sort') === 'top' ? 'top' : 'latest';
  const pageNumber = pageAsked(url);
  const network = slug ? await findNetwork(services.db, slug) : null;
  if (slug && !network) return notFoundPage(ctx);

  let tips: (TipView | SearchHit)[];
  let total: number;
  let resources: Awaited<ReturnType<typeof searchResources>> = [];
  if (query) {
    const found = await searchTips(services.db, services.engine, query, { limit: SEARCH_LIMIT, networkId: network?.id ?? null, readers: 'public', now: services.clock.now() });
    tips = tag ? found.filter((tip) => tip.tags.some((entry) => entry.tag === tag.tag)) : found;
    total = tips.length;
    resources = await searchResources(services.db, query, { limit: SEARCH_RESOURCES, ...(tag ? { tag: tag.tag } : {}), ...(network ? { networkId: network.id } : {}) });
  } else {
    ({ tips, total } = await tipsPage(services.db, { ...(tag ? { tag: tag.tag } : {}), ...(network ? { networkId: network.id } : {}), sort, page: pageNumber, size: PAGE_SIZE }));
  }
  const paging = query ? { page: 1, pages: 1 } : pagingOf(pageNumber, total, PAGE_SIZE);
  if (!paging) return notFoundPage(ctx);
  const [tags, networks] = await Promise.all([tagCounts(services.db, 50), networkSummaries(services.db)]);

  const title = query ? t('web.tips.searchTitle', { query }) : tag ? t('tips.listTagTitle', { tag: tag.label }) : network ? `${t('web.tips.title')} — ${network.name}` : t('web.tips.title');
  const pageHref = (n: number) => {
    const params = new URLSearchParams({ ...(tag ? { tag: tag.tag } : {}), ...(network ? { network: network.slug } : {}), ...(sort === 'top' ? { sort } : {}), page: String(n) });
    return `/tips?${params.toString()}`;
  };
  const feeds = feedAlternates(ctx, { ...(tag ? { tag } : {}), ...(network ? { network } : {}) });

  const body = html`<h1>${title}</h1>
<form class="filters" method="get" action="/tips" aria-label="${t('web.tips.filters')}">
${query ? html`<input type="hidden" name="q" value="${query}">` : ''}
<div><label for="filter-tag">${t('web.tips.tag')}</label>
<select id="filter-tag" name="tag">${option('', t('web.tips.any'), !tag)}${tags.map((entry) => option(entry.tag, `#${entry.label} (${entry.count})`, entry.tag === tag?.tag))}</select></div>
<div><label for="filter-network">${t('web.tips.network')}</label>
<select id="filter-network" name="network">${option('', t('web.tips.any'), !network)}${networks.map((entry) => option(entry.slug, entry.name, entry.id === network?.id))}</select></div>
${query ? '' : html`<div><label for="filter-sort">${t('knowledge.sort')}</label>
<select id="filter-sort" name="sort">${option('latest', t('knowledge.sorts.latest'), sort === 'latest')}${option('top', t('knowledge.sorts.top'), sort === 'top')}</select></div>`}
<button type="submit">${t('web.tips.apply')}</button>
${query || tag || network || sort !== 'latest' ? html`<a href="/tips">${t('web.tips.reset')}</a>` : ''}
</form>
${resources.length ? html`<section aria-labelledby="resources-title"><h2 id="resources-title">${t('resources.web.alsoResources')}</h2>${resourceList(ctx, resources, 3, '')}</section>` : ''}
<p role="status">${t('web.tips.count', { count: total })}${paging.pages > 1 ? ` · ${t('knowledge.pageOf', paging)}` : ''}</p>
${tipList(ctx, tips, 2, t('web.tips.none'))}
${paginationNav(ctx, paging, pageHref)}
${feedLink(ctx, feeds[0]!)}`;
  return htmlResponse(page(ctx, { title: `${title}${pageSuffix(ctx, paging)}`, section: 'tips', body, query, alternates: feeds }));
}

/** /tips/:id — hidden and restricted tips answer 404, as if they never existed; a merged tip's number leads to the tip it became. */
export async function tipPage(ctx: WebContext, id: number): Promise<WebResponse> {
  const { services, t } = ctx;
  const current = await currentTipId(services.db, id);
  if (current !== id) return { status: 301, contentType: 'text/plain; charset=utf-8', body: '', headers: { location: `/tips/${current}` } };
  const tip = await getTip(services.db, id, 'public');
  const zone = services.config.RELAIS_TIMEZONE;
  const day = (instant: Date) => dayOf(instant, { locale: ctx.locale, timeZone: zone });
  const source = safeHref(tip.permalink);
  const merged = tip.mergedFrom.flatMap(({ permalink }) => {
    const href = safeHref(permalink);
    return href && href !== source ? [href] : [];
  });
  const verification = tip.verifiedAt && tip.reviewAt
    ? isVerified(tip, services.clock.now())
      ? t('knowledge.verifiedTitle', { name: tip.verifiedBy?.displayName ?? t('privacy.anonymous'), date: day(tip.verifiedAt), review: day(tip.reviewAt) })
      : t('knowledge.reviewDue', { date: day(tip.reviewAt) })
    : undefined;
  const body = html`<h1><span${langOf(tip.language)}>${tip.title}</span>${verifiedBadge(ctx, tip)}</h1>
<dl class="facts">
<dt>${t('tips.author')}</dt><dd>${tip.author.displayName}</dd>
<dt>${t('tips.network')}</dt><dd>${tip.network ? html`<a href="/networks/${tip.network.slug}">${tip.network.name}</a>` : t('tips.noNetwork')}</dd>
<dt>${t('tips.votesLabel')}</dt><dd>${String(tip.voteCount)}</dd>
<dt>${t('tips.date')}</dt><dd>${dayTag(tip.createdAt, zone, ctx.locale)}</dd>
${verification ? html`<dt>${t('knowledge.verification')}</dt><dd>${verification}</dd>` : ''}
</dl>
<div class="tip-text"${langOf(tip.language)}>${linkified(tip.text)}</div>
${tagList(ctx, tip.tags)}
${source ? html`<p><a href="${source}" rel="nofollow ugc noopener">${t('tips.source')}</a></p>` : ''}
${merged.length ? html`<h2>${t('knowledge.mergedSources')}</h2><ul>${merged.map((href) => html`<li><a href="${href}" rel="nofollow ugc noopener">${t('knowledge.source')}</a></li>`)}</ul>` : ''}
<p><a href="/tips">${t('web.tips.back')}</a></p>`;
  return htmlResponse(page(ctx, { title: tip.title, section: 'tips', body, alternates: feedAlternates(ctx, {}) }));
}
