import type { ResourceKind, ResourceView } from '../domain/resources/service.ts';
import type { WebContext } from './context.ts';
import { langOf, tagList } from './fragments.ts';
import { html, safeHref, type SafeHtml } from './html.ts';

type HeadingLevel = 2 | 3;

/** The kind of a resource as a badge, in words ("Guide", "Étude"). */
export const kindBadge = (ctx: WebContext, resource: Pick<ResourceView, 'kind'>) =>
  html`<span class="badge badge-resource">${ctx.t(`resources.kindsTitle.${resource.kind as ResourceKind}`)}</span>`;

/** The address itself, shown as such: people see where the link leads. */
export function resourceAddress(resource: Pick<ResourceView, 'url'>): SafeHtml {
  const href = safeHref(resource.url);
  return href ? html`<a class="resource-url" href="${href}" rel="nofollow ugc noopener">${resource.url}</a>` : html`<span class="resource-url">${resource.url}</span>`;
}

/** One resource in a list: its title (to its page), its kind, its address, who published it, when. */
export function resourceItem(ctx: WebContext, resource: ResourceView, level: HeadingLevel): SafeHtml {
  const title = html`<a href="/resources/${resource.id}"${langOf(resource.language)}>${resource.title}</a> ${kindBadge(ctx, resource)}`;
  const network = resource.network ? html`<a href="/networks/${resource.network.slug}">${resource.network.name}</a>` : '';
  const facts = [network, resource.year ? String(resource.year) : ''].filter(Boolean);
  return html`<li><article>
${level === 2 ? html`<h2 class="card-title">${title}</h2>` : html`<h3 class="card-title">${title}</h3>`}
<p class="meta">${resourceAddress(resource)}</p>
${facts.length ? html`<p class="meta">${facts.map((fact, index) => html`${index ? ' · ' : ''}${fact}`)}</p>` : ''}
${tagList(ctx, resource.tags, '/resources')}
</article></li>`;
}

export function resourceList(ctx: WebContext, resources: ResourceView[], level: HeadingLevel, empty: string): SafeHtml {
  return resources.length ? html`<ul class="cards">${resources.map((resource) => resourceItem(ctx, resource, level))}</ul>` : html`<p>${empty}</p>`;
}
