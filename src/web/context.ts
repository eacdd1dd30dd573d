import type { Locale, Translate } from '../i18n/translate.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { CoreConfig } from '../config.ts';
import type { Db, Engine } from '../db/client.ts';

/** What the pages read from: the database, the settings, the time. */
export interface WebServices {
  db: Db;
  engine: Engine;
  config: CoreConfig;
  clock: Clock;
  logger: Logger;
}

/** What a page needs to render for one request. */
export interface WebContext {
  services: WebServices;
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
