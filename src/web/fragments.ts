import type { MeetupView } from '../domain/meetups/service.ts';
import { isVerified } from '../domain/tips/curation.ts';
import { excerpt, type Excerpt } from '../domain/tips/search-excerpt.ts';
import type { SearchHit, TipView } from '../domain/tips/service.ts';
import { withoutTrailingTags } from '../domain/tips/tags.ts';
import type { WebContext } from './context.ts';
import { dayTag } from './format.ts';
import { html, type SafeHtml } from './html.ts';

export type HeadingLevel = 2 | 3;

export const heading = (level: HeadingLevel, content: SafeHtml) => (level === 2 ? html`<h2 class="card-title">${content}</h2>` : html`<h3 class="card-title">${content}</h3>`);

export const tagHref = (tag: string, list = '/tips') => `${list}?${new URLSearchParams({ tag }).toString()}`;

/** Tags as written (#délibérations), linking to their folded key in a list (the tips', or the resources'). */
export function tagList(ctx: WebContext, tags: { tag: string; label: string }[], list = '/tips'): SafeHtml {
  if (tags.length === 0) return html``;
  return html`<ul class="tags" aria-label="${ctx.t('web.tips.tags')}">${tags.map(({ tag, label }) => html`<li><a href="${tagHref(tag, list)}">#${label}</a></li>`)}</ul>`;
}

/** `lang` for what someone wrote, in the language of the channel it was written in (nothing when unknown). */
export const langOf = (language: string | null) => (language ? html` lang="${language}"` : '');

/** A search result's excerpt, matched words in <mark>. */
export const excerptHtml = (excerpt: Excerpt, language: string | null = null): SafeHtml =>
  html`<p class="excerpt"${langOf(language)}>${excerpt.map((piece) => (piece.match ? html`<mark>${piece.text}</mark>` : piece.text))}</p>`;

/** "✔ Verified", in words: a mark that does not rely on its colour or its symbol. */
export const verifiedBadge = (ctx: WebContext, tip: Pick<TipView, 'verifiedAt' | 'reviewAt'>) =>
  isVerified(tip, ctx.services.clock.now()) ? html` <span class="badge badge-verified"><span aria-hidden="true">✔ </span>${ctx.t('knowledge.verified')}</span>` : '';

const LIST_EXCERPT = 160;

/** What a list shows of a tip's text: a search result's matched passage, else how the text goes on after its title. */
function tipExcerpt(tip: TipView | SearchHit): SafeHtml | '' {
  if ('excerpt' in tip) return excerptHtml(tip.excerpt, tip.language);
  const rest = withoutTrailingTags(tip.text).split('\n').slice(1).join('\n').trim();
  return rest ? excerptHtml(excerpt(rest, '', LIST_EXCERPT), tip.language) : '';
}

/** One tip in a list: its whole title, an excerpt, author's display name, origin network, votes, date, tags. */
export function tipItem(ctx: WebContext, tip: TipView | SearchHit, level: HeadingLevel): SafeHtml {
  const { t } = ctx;
  const network = tip.network ? html` · <a href="/networks/${tip.network.slug}">${tip.network.name}</a>` : '';
  return html`<li><article>
${heading(level, html`<a href="/tips/${tip.id}"${langOf(tip.language)}>${tip.title}</a>${verifiedBadge(ctx, tip)}`)}
${tipExcerpt(tip)}
<p class="meta">${t('web.tips.by', { name: tip.author.displayName })}${network} · ${t('tips.votes', { count: tip.voteCount })} · ${dayTag(tip.createdAt, ctx.services.config.RELAIS_TIMEZONE, ctx.locale)}</p>
${tagList(ctx, tip.tags)}
</article></li>`;
}

export function tipList(ctx: WebContext, tips: (TipView | SearchHit)[], level: HeadingLevel, empty: string): SafeHtml {
  return tips.length ? html`<ul class="cards">${tips.map((tip) => tipItem(ctx, tip, level))}</ul>` : html`<p>${empty}</p>`;
}

/** How to subscribe: the feed's address to paste, and a webcal: link when the public URL is known. */
export function subscribeBlock(ctx: WebContext, path: string, headingText: string): SafeHtml {
  const feed = `${ctx.baseUrl}${path}`;
  const webcal = ctx.services.config.RELAIS_PUBLIC_URL ? feed.replace(/^https?:/, 'webcal:') : undefined;
  return html`<section aria-labelledby="subscribe-title">
<h2 id="subscribe-title">${headingText}</h2>
<p>${ctx.t('web.meetups.subscribeHint')}</p>
<p><code class="feed">${feed}</code></p>
<p>${webcal ? html`<a href="${webcal}">${ctx.t('web.meetups.subscribe')}</a> · ` : ''}<a href="${path}" type="text/calendar">${ctx.t('web.meetups.download')}</a></p>
</section>`;
}
