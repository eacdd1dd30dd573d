import type { WebContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';

/** Where a paged list is: this page of how many. */
export type Paging = { page: number; pages: number };

/** The page asked for (?page=, 1 when missing or not a number). */
export function pageAsked(url: URL): number {
  return Math.min(Math.max(Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1, 1), 100_000);
}

/** The paging of `total` items by `size`; undefined past the last page (the page does not exist: 404). An empty list has one page. */
export function pagingOf(page: number, total: number, size: number): Paging | undefined {
  const pages = Math.max(1, Math.ceil(total / size));
  return page > pages ? undefined : { page, pages };
}

/** " — page 2 sur 3" for the document title, so each page of a list has its own; nothing for a list of one page. */
export const pageSuffix = (ctx: WebContext, paging: Paging) => (paging.pages > 1 ? ` — ${ctx.t('knowledge.pageOf', paging)}` : '');

/** Pages shown as numbers: the first, the last, and two either side of this one; gaps as "…". */
function shownPages({ page, pages }: Paging): Array<number | 'gap'> {
  const shown: Array<number | 'gap'> = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) shown.push(n);
    else if (shown.at(-1) !== 'gap') shown.push('gap');
  }
  return shown;
}

/** Numbered links to the pages of a list (the current one marked), with previous and next; nothing for a single page. */
export function paginationNav(ctx: WebContext, paging: Paging, href: (page: number) => string): SafeHtml {
  const { t } = ctx;
  if (paging.pages <= 1) return html``;
  const { page, pages } = paging;
  const items = shownPages(paging).map((n) =>
    n === 'gap'
      ? html`<li aria-hidden="true">…</li>`
      : n === page
        ? html`<li><a href="${href(n)}" aria-current="page" aria-label="${t('knowledge.page', { page: n })}">${String(n)}</a></li>`
        : html`<li><a href="${href(n)}" aria-label="${t('knowledge.page', { page: n })}">${String(n)}</a></li>`);
  return html`<nav class="pagination" aria-label="${t('knowledge.pagination')}"><ul>
${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">${t('knowledge.previous')}</a></li>` : ''}
${items}
${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">${t('knowledge.next')}</a></li>` : ''}
</ul></nav>`;
}
