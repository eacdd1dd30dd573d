import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpMounts } from '../core/http.ts';
import { RelaisError } from '../core/errors.ts';
import { translator } from '../i18n/translate.ts';
import { checkAccess, cookieValueFor, tokenCookie } from './access.ts';
import type { WebContext, WebResponse, WebServices } from './context.ts';
import { homePage } from './pages/home.ts';
import { internalErrorPage, notFoundPage, unauthorizedPage } from './pages/errors.ts';
import { allMeetupsFeed, meetupFeed, networkFeed } from './pages/calendars.ts';
import { meetupPage, meetupsListPage } from './pages/meetups.ts';
import { networkPage } from './pages/network.ts';
import { personalFeed, personalFeedPath } from './pages/personal-feed.ts';
import { resourcePage, resourcesListPage } from './pages/resources.ts';
import { tipPage, tipsListPage } from './pages/tips.ts';
import { feedRoutes } from './feed-routes.ts';
import { languageCookie, negotiateLocale } from './request.ts';
import { stylesheet } from './styles.ts';

type Route = [pattern: RegExp, render: (ctx: WebContext, match: RegExpExecArray) => Promise<WebResponse>];

const id = (match: RegExpExecArray) => Number(match[1]);

const routes: Route[] = [
  [/^\/$/, (ctx) => homePage(ctx)],
  [/^\/tips$/, (ctx) => tipsListPage(ctx)],
  [/^\/tips\/(\d{1,9})$/, (ctx, match) => tipPage(ctx, id(match))],
  [/^\/meetups$/, (ctx) => meetupsListPage(ctx)],
  [/^\/meetups\/(\d{1,9})$/, (ctx, match) => meetupPage(ctx, id(match))],
  [/^\/meetups\/(\d{1,9})\.ics$/, (ctx, match) => meetupFeed(ctx, id(match))],
  [/^\/calendar\.ics$/, (ctx) => allMeetupsFeed(ctx)],
  [/^\/networks\/([a-z0-9-]{2,40})$/, (ctx, match) => networkPage(ctx, match[1]!)],
  [/^\/networks\/([a-z0-9-]{2,40})\/calendar\.ics$/, (ctx, match) => networkFeed(ctx, match[1]!)],
  [personalFeedPath, (ctx, match) => personalFeed(ctx, match[1]!)],
  [/^\/resources$/, (ctx) => resourcesListPage(ctx)],
  [/^\/resources\/(\d{1,9})$/, (ctx, match) => resourcePage(ctx, id(match))],
  ...feedRoutes,
];

/** The stylesheet holds no data, so it stays reachable without the token (the 401 page uses it). */
const stylesheetPath = '/style.css';

const securityHeaders = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The public origin when configured; otherwise the request's own host (a local or test setup). */
function baseUrlOf(request: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const host = request.headers.host ?? '';
  return `http://${/^[a-z0-9.:[\]-]{1,255}$/i.test(host) ? host : 'localhost'}`;
}

function send(response: ServerResponse, result: WebResponse, cookies: string[], privateCache: boolean): void {
  const headers: Record<string, string | string[]> = {
    ...securityHeaders,
    'content-type': result.contentType,
    'content-length': String(Buffer.byteLength(result.body)),
    'cache-control': privateCache ? 'private, no-cache' : 'no-cache',
    ...result.headers,
  };
  if (cookies.length) headers['set-cookie'] = cookies;
  response.writeHead(result.status, headers).end(result.body);
}

async function handle(services: WebServices, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { config } = services;
  const baseUrl = baseUrlOf(request, config.RELAIS_PUBLIC_URL);
  const url = new URL(request.url ?? '/', `${baseUrl}/`);
  // One leading slash and none trailing: "/tips/" is "/tips", and "//host" never becomes a link or redirect elsewhere.
  const path = `/${url.pathname.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  url.pathname = path;

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end(`${translator(config.RELAIS_LOCALE)('web.errors.methodNotAllowed')}\n`);
    return;
  }
  if (path === stylesheetPath) {
    send(response, { status: 200, contentType: 'text/css; charset=utf-8', body: stylesheet, headers: { 'cache-control': 'public, max-age=3600' } }, [], false);
    return;
  }

  const { locale, chosen } = negotiateLocale(request, url, config.RELAIS_LOCALE);
  const ctx: WebContext = { services, locale, t: translator(locale), url, baseUrl };
  const secure = baseUrl.startsWith('https:') ? '; Secure' : '';
  const cookies = chosen ? [`${languageCookie}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`] : [];
  const token = config.RELAIS_WEB_TOKEN;

  // A personal feed is opened by its own secret (/relais calendar), not by the deployment's token.
  const access = personalFeedPath.test(path) ? 'open' : checkAccess(request, url, token);
  if (access === 'refused') return send(response, unauthorizedPage(ctx), cookies, true);
  if (access === 'granted-by-query' && token) {
    cookies.push(`${tokenCookie}=${cookieValueFor(token)}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax${secure}`);
    // Pages drop the token from the address bar; calendar clients and feed readers keep their ?token= URL (they have no cookies).
    if (!path.endsWith('.ics') && !path.endsWith('.atom')) {
      url.searchParams.delete('token');
      const location = `${url.pathname}${url.search}`;
      send(response, { status: 303, contentType: 'text/plain; charset=utf-8', body: '', headers: { location } }, cookies, true);
      return;
    }
  }

  let result: WebResponse;
  try {
    const route = routes.find(([pattern]) => pattern.test(path));
    const match = route?.[0].exec(path);
    result = route && match ? await route[1](ctx, match) : notFoundPage(ctx);
  } catch (error) {
    if (error instanceof RelaisError && error.code === 'not_found') result = notFoundPage(ctx);
    else {
      services.logger.error({ err: error, path }, 'web page failed');
      result = internalErrorPage(ctx);
    }
  }
  send(response, { ...result, headers: { vary: 'Accept-Language, Cookie', ...result.headers } }, cookies, token !== undefined);
}

/**
 * The read-only web pages and calendar feeds on the shared HTTP server. Mounted at "/", so any
 * path no other part claimed (/healthz, /slack/events) lands here; only GET and HEAD are served.
 */
export function mountWeb(http: HttpMounts, services: WebServices): void {
  http.mount('/', (request, response) => {
    handle(services, request, response).catch((error: unknown) => {
      services.logger.error({ err: error }, 'web request failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end();
    });
  });
}
