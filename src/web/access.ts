import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { cookiesOf } from './request.ts';

export const tokenCookie = 'relais_token';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares through fixed-length digests, so neither content nor length leaks through timing. */
function same(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}

/** What the cookie holds: a digest of the token, so the token itself never sits in the browser. */
export const cookieValueFor = (token: string) => digest(`relais-web:${token}`).toString('hex');

export type Access = 'open' | 'granted' | 'granted-by-query' | 'refused';

/**
 * With RELAIS_WEB_TOKEN set, a request needs the token: once as ?token= (then kept in an
 * HttpOnly cookie), or as "Authorization: Bearer <token>" (scripts, calendar clients).
 */
export function checkAccess(request: IncomingMessage, url: URL, token: string | undefined): Access {
  if (!token) return 'open';
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
  if (bearer !== undefined && same(bearer, token)) return 'granted';
  const cookie = cookiesOf(request).get(tokenCookie);
  if (cookie !== undefined && same(cookie, cookieValueFor(token))) return 'granted';
  const query = url.searchParams.get('token');
  if (query !== null && same(query, token)) return 'granted-by-query';
  return 'refused';
}
