import type { WebContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';

export type Section = 'home' | 'tips' | 'resources' | 'meetups' | 'none';

/** A feed a page offers (<link rel="alternate">): feed readers find it from the page. */
export interface Alternate {
  type: string;
  title: string;
  href: string;
}

/** The current address in the other language (the token, if any, is never copied into links). */
function otherLanguageHref(ctx: WebContext): string {
  const params = new URLSearchParams(ctx.url.searchParams);
  params.delete('token');
  params.set('lang', ctx.t('web.language.otherCode'));
  return `${ctx.url.pathname}?${params.toString()}`;
}

const navLink = (href: string, label: string, here: boolean) =>
  html`<li><a href="${href}"${here ? html` aria-current="page"` : ''}>${label}</a></li>`;

/**
 * Every page: skip link first in the tab order, then the banner (navigation, search, language),
 * the main content and the footer, as landmarks screen readers can jump between.
 */
export function page(ctx: WebContext, options: { title: string; section: Section; body: SafeHtml; query?: string; alternates?: Alternate[]; minimal?: boolean }): string {
  const { t } = ctx;
  const other = t('web.language.otherCode');
  // A page for someone not let in yet: no navigation or search, they would only lead to the same refusal.
  const bar = options.minimal ? '' : html`<nav aria-label="${t('web.navLabel')}">
<ul>
${navLink('/', t('web.nav.home'), options.section === 'home')}
${navLink('/tips', t('web.nav.tips'), options.section === 'tips')}
${navLink('/resources', t('resources.web.title'), options.section === 'resources')}
${navLink('/meetups', t('web.nav.meetups'), options.section === 'meetups')}
</ul>
</nav>
<form class="search" role="search" method="get" action="/tips">
<div>
<label for="search-q">${t('web.search.label')}</label>
<input id="search-q" name="q" type="search" value="${options.query ?? ''}" aria-describedby="search-hint" maxlength="200">
<p class="hint" id="search-hint">${t('web.search.hint')}</p>
</div>
<button type="submit">${t('web.search.button')}</button>
</form>`;
  return `<!doctype html>\n${html`<html lang="${ctx.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} — ${t('web.siteName')}</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="text/calendar" title="${t('web.calendar.name')}" href="/calendar.ics">
${(options.alternates ?? []).map((alternate) => html`<link rel="alternate" type="${alternate.type}" title="${alternate.title}" href="${alternate.href}">
`)}</head>
<body>
<a class="skip-link" href="#contenu">${t('web.skipLink')}</a>
<header class="site-header" role="banner">
<div class="wrap">
<p class="brand">${t('web.siteName')}</p>
<p class="tagline">${t('web.tagline')}</p>
<div class="bar">
${bar}
<p class="language"><a href="${otherLanguageHref(ctx)}" hreflang="${other}" lang="${other}" title="${t('web.language.otherTitle')}">${t('web.language.other')}</a></p>
</div>
</div>
</header>
<main id="contenu" tabindex="-1">
<div class="wrap">
${options.body}
</div>
</main>
<footer class="site-footer" role="contentinfo">
<div class="wrap"><p>${t('web.footer')}</p></div>
</footer>
</body>
</html>`.value}\n`;
}
