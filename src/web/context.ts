import type { Locale, Translate } from '../i18n/translate.ts';
import type { Services } from '../services.ts';

/** What a page needs to render for one request. */
export interface WebContext {
  services: Services;
  locale: Locale;
  t: Translate;
  /** The request URL, resolved against the public URL (or the Host header). */
  url: URL;
  /** Where absolute links (calendar URLs) point: RELAIS_PUBLIC_URL, else this request's origin. */
  baseUrl: string;
}

export interface WebResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export const htmlResponse = (body: string, status = 200): WebResponse => ({ status, contentType: 'text/html; charset=utf-8', body });
