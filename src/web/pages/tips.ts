import { getTip, searchTips, type SearchHit, type TipView } from '../../domain/tips/service.ts';
import { normaliseTag } from '../../domain/tips/tags.ts';
import { findNetwork } from '../../domain/networks/service.ts';
import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { tagList, tipList } from '../fragments.ts';
import { dayTag, linkified } from '../format.ts';
import { html, safeHref } from '../html.ts';
import { page } from '../layout.ts';
import { networkSummaries, tagCounts, tipsPage } from '../queries.ts';
import { notFoundPage } from './errors.ts';

const PAGE_SIZE = 20;
const SEARCH_LIMIT = 100;

function option(value: string, label: string, selected: boolean) {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

/** /tips: full-text search (?q=), tag (?tag=) and network (?network=) filters, paged when not searching. */
export async function tipsListPage(ctx: WebContext): Promise<WebResponse> {
  const { services, t, url } = ctx;
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const tag = normaliseTag((url.searchParams.get('tag') ?? '').trim());
  const slug = (url.searchParams.get('network') ?? '').trim();
  const pageNumber = Math.min(Math.max(Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1, 1), 10_000);
  const network = slug ? await findNetwork(services.db, slug) : null;
  if (slug && !network) return notFoundPage(ctx);

  let tips: (TipView | SearchHit)[];
  let total: number;
  if (query) {
    const found = await searchTips(services.db, services.engine, query, { limit: SEARCH_LIMIT, networkId: network?.id ?? null });
    tips = tag ? found.filter((tip) => tip.tags.some((entry) => entry.tag === tag)) : found;
    total = tips.length;
  } else {
    ({ tips, total } = await tipsPage(services.db, { ...(tag ? { tag } : {}), ...(network ? { networkId: network.id } : {}), page: pageNumber, size: PAGE_SIZE }));
  }
  const hasMore = !query && pageNumber * PAGE_SIZE < total;
  const [tags, networks] = await Promise.all([tagCounts(services.db, 50), networkSummaries(services.db)]);

  const title = query ? t('web.tips.searchTitle', { query }) : tag ? t('tips.listTagTitle', { tag }) : network ? `${t('web.tips.title')} — ${network.name}` : t('web.tips.title');
  const pageHref = (n: number) => {
    const params = new URLSearchParams({ ...(tag ? { tag } : {}), ...(network ? { network: network.slug } : {}), page: String(n) });
    return `/tips?${params.toString()}`;
  };
  const paging =
    !query && (hasMore || (pageNumber > 1 && total > 0))
      ? html`<nav aria-label="${t('web.tips.pagination')}"><ul>
${pageNumber > 1 ? html`<li><a href="${pageHref(pageNumber - 1)}" rel="prev">${t('web.tips.previous')}</a></li>` : ''}
${hasMore ? html`<li><a href="${pageHref(pageNumber + 1)}" rel="next">${t('web.tips.next')}</a></li>` : ''}
</ul></nav>`
      : '';

  const body = html`<h1>${title}</h1>
<form class="filters" method="get" action="/tips" aria-label="${t('web.tips.filters')}">
${query ? html`<input type="hidden" name="q" value="${query}">` : ''}
<div><label for="filter-tag">${t('web.tips.tag')}</label>
<select id="filter-tag" name="tag">${option('', t('web.tips.any'), !tag)}${tags.map((entry) => option(entry.tag, `#${entry.tag} (${entry.count})`, entry.tag === tag))}</select></div>
<div><label for="filter-network">${t('web.tips.network')}</label>
<select id="filter-network" name="network">${option('', t('web.tips.any'), !network)}${networks.map((entry) => option(entry.slug, entry.name, entry.id === network?.id))}</select></div>
<button type="submit">${t('web.tips.apply')}</button>
${query || tag || network ? html`<a href="/tips">${t('web.tips.reset')}</a>` : ''}
</form>
<p role="status">${t('web.tips.count', { count: total })}</p>
${tipList(ctx, tips, 2, t('web.tips.none'))}
${paging}`;
  return htmlResponse(page(ctx, { title, section: 'tips', body, query }));
}

/** /tips/:id — hidden tips answer 404, as if they never existed. */
export async function tipPage(ctx: WebContext, id: number): Promise<WebResponse> {
  const { services, t } = ctx;
  const tip = await getTip(services.db, id);
  const source = safeHref(tip.permalink);
  const body = html`<h1>${tip.title}</h1>
<dl class="facts">
<dt>${t('tips.author')}</dt><dd>${tip.author.displayName}</dd>
<dt>${t('tips.network')}</dt><dd>${tip.network ? html`<a href="/networks/${tip.network.slug}">${tip.network.name}</a>` : t('tips.noNetwork')}</dd>
<dt>${t('tips.votesLabel')}</dt><dd>${String(tip.voteCount)}</dd>
<dt>${t('tips.date')}</dt><dd>${dayTag(tip.createdAt, services.config.RELAIS_TIMEZONE, ctx.locale)}</dd>
</dl>
<div class="tip-text">${linkified(tip.text)}</div>
${tagList(ctx, tip.tags)}
${source ? html`<p><a href="${source}" rel="nofollow ugc noopener">${t('tips.source')}</a></p>` : ''}
<p><a href="/tips">${t('web.tips.back')}</a></p>`;
  return htmlResponse(page(ctx, { title: tip.title, section: 'tips', body }));
}
