import { getResource, kindNamed, listResources, resourceKinds, searchResources, type ResourceView } from '../../domain/resources/service.ts';
import { findNetwork } from '../../domain/networks/service.ts';
import { lookedUpTag } from '../../domain/tips/tags.ts';
import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { feedAlternates, feedLink } from '../feeds.ts';
import { langOf, tagList } from '../fragments.ts';
import { dayTag } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { pageAsked, pageSuffix, paginationNav, pagingOf } from '../pagination.ts';
import { networkSummaries } from '../queries.ts';
import { kindBadge, resourceAddress, resourceList } from '../resource-items.ts';
import { notFoundPage } from './errors.ts';

const PAGE_SIZE = 20;
const SEARCH_LIMIT = 100;

function option(value: string, label: string, selected: boolean) {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

/** /resources: every resource, newest first, a page at a time; ?q= searches, ?kind=, ?tag= and ?network= filter. */
export async function resourcesListPage(ctx: WebContext): Promise<WebResponse> {
  const { services, t, url } = ctx;
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const kind = kindNamed(url.searchParams.get('kind') ?? '');
  const typedTag = (url.searchParams.get('tag') ?? '').trim().slice(0, 41);
  const tag = typedTag ? await lookedUpTag(services.db, typedTag) : undefined;
  const slug = (url.searchParams.get('network') ?? '').trim();
  const network = slug ? await findNetwork(services.db, slug) : null;
  if (slug && !network) return notFoundPage(ctx);
  const filter = { ...(kind ? { kind } : {}), ...(tag ? { tag: tag.tag } : {}), ...(network ? { networkId: network.id } : {}) };
  const pageNumber = pageAsked(url);

  let resources: ResourceView[];
  let total: number;
  if (query) {
    resources = await searchResources(services.db, query, { ...filter, limit: SEARCH_LIMIT });
    total = resources.length;
  } else {
    ({ resources, total } = await listResources(services.db, { ...filter, skip: (pageNumber - 1) * PAGE_SIZE, take: PAGE_SIZE }));
  }
  const paging = query ? { page: 1, pages: 1 } : pagingOf(pageNumber, total, PAGE_SIZE);
  if (!paging) return notFoundPage(ctx);
  const networks = await networkSummaries(services.db);

  const title = query ? t('resources.searchTitle', { query }) : t('resources.web.title');
  const pageHref = (n: number) => {
    const params = new URLSearchParams({ ...(kind ? { kind } : {}), ...(tag ? { tag: tag.tag } : {}), ...(network ? { network: network.slug } : {}), page: String(n) });
    return `/resources?${params.toString()}`;
  };
  const feeds = feedAlternates(ctx, { ...(tag ? { tag } : {}), ...(network ? { network } : {}) });
  const body = html`<h1>${title}</h1>
<p>${t('resources.web.intro')}</p>
<form class="filters" method="get" action="/resources" role="search" aria-label="${t('resources.web.filters')}">
<div><label for="resource-q">${t('resources.web.searchLabel')}</label>
<input id="resource-q" name="q" type="search" value="${query}" maxlength="200"></div>
<div><label for="filter-kind">${t('resources.web.kind')}</label>
<select id="filter-kind" name="kind">${option('', t('resources.web.any'), !kind)}${resourceKinds.map((entry) => option(entry, t(`resources.kindsTitle.${entry}`), entry === kind))}</select></div>
<div><label for="filter-network">${t('web.tips.network')}</label>
<select id="filter-network" name="network">${option('', t('web.tips.any'), !network)}${networks.map((entry) => option(entry.slug, entry.name, entry.id === network?.id))}</select></div>
${tag ? html`<input type="hidden" name="tag" value="${tag.tag}">` : ''}
<button type="submit">${t('web.tips.apply')}</button>
${query || kind || tag || network ? html`<a href="/resources">${t('web.tips.reset')}</a>` : ''}
</form>
<p role="status">${t('resources.count', { count: total })}${tag ? ` · #${tag.label}` : ''}${paging.pages > 1 ? ` · ${t('knowledge.pageOf', paging)}` : ''}</p>
${resourceList(ctx, resources, 2, t('resources.web.none'))}
${paginationNav(ctx, paging, pageHref)}
${feedLink(ctx, feeds[0]!)}`;
  return htmlResponse(page(ctx, { title: `${title}${pageSuffix(ctx, paging)}`, section: 'resources', body, alternates: feeds }));
}

/** /resources/:id: the resource, its address shown as such, what it is, who published it. */
export async function resourcePage(ctx: WebContext, id: number): Promise<WebResponse> {
  const { services, t } = ctx;
  const resource = await getResource(services.db, id);
  const body = html`<h1><span${langOf(resource.language)}>${resource.title}</span> ${kindBadge(ctx, resource)}</h1>
<dl class="facts">
<dt>${t('resources.link')}</dt><dd>${resourceAddress(resource)}</dd>
<dt>${t('resources.kind')}</dt><dd>${t(`resources.kindsTitle.${resource.kind as (typeof resourceKinds)[number]}`)}</dd>
<dt>${t('resources.network')}</dt><dd>${resource.network ? html`<a href="/networks/${resource.network.slug}">${resource.network.name}</a>` : t('resources.noNetwork')}</dd>
${resource.year ? html`<dt>${t('resources.year')}</dt><dd>${String(resource.year)}</dd>` : ''}
<dt>${t('resources.date')}</dt><dd>${dayTag(resource.createdAt, services.config.RELAIS_TIMEZONE, ctx.locale)}</dd>
</dl>
${tagList(ctx, resource.tags, '/resources')}
<p><a href="/resources">${t('resources.web.back')}</a></p>`;
  return htmlResponse(page(ctx, { title: resource.title, section: 'resources', body, alternates: feedAlternates(ctx, {}) }));
}
