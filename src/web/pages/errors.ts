import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

export function notFoundPage(ctx: WebContext): WebResponse {
  const title = ctx.t('web.errors.notFoundTitle');
  return htmlResponse(page(ctx, { title, section: 'none', body: html`<h1>${title}</h1><p>${ctx.t('web.errors.notFoundBody')}</p><p><a href="/">${ctx.t('web.nav.home')}</a></p>` }), 404);
}

export function internalErrorPage(ctx: WebContext): WebResponse {
  const title = ctx.t('web.errors.internalTitle');
  return htmlResponse(page(ctx, { title, section: 'none', body: html`<h1>${title}</h1><p>${ctx.t('web.errors.internalBody')}</p>` }), 500);
}

/** 401 with a form to type the token in, so a member without the link can still get in (no JavaScript needed). */
export function unauthorizedPage(ctx: WebContext): WebResponse {
  const { t } = ctx;
  const title = t('web.errors.unauthorizedTitle');
  const body = html`<h1>${title}</h1>
<p>${t('web.errors.unauthorizedBody')}</p>
<form method="get" action="${ctx.url.pathname}">
<input type="hidden" name="lang" value="${ctx.locale}">
<label for="token">${t('web.errors.tokenLabel')}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">${t('web.errors.tokenButton')}</button>
</form>`;
  return { ...htmlResponse(page(ctx, { title, section: 'none', body, minimal: true }), 401), headers: { 'www-authenticate': 'Bearer realm="relais"' } };
}
