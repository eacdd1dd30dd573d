import type { IncomingMessage } from 'node:http';
import { isLocale, type Locale } from '../i18n/translate.ts';

export function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const index = pair.indexOf('=');
    if (index < 1) continue;
    try {
      cookies.set(pair.slice(0, index).trim(), decodeURIComponent(pair.slice(index + 1).trim()));
    } catch {
      // A malformed cookie is ignored rather than failing the page.
    }
  }
  return cookies;
}

export const languageCookie = 'relais_lang';

/** Best language from Accept-Language ("en-GB,en;q=0.8,fr;q=0.5"), by quality then order. */
function acceptedLocale(header: string | undefined): Locale | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const quality = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { language: range.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((entry) => entry.quality > 0 && isLocale(entry.language))
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked[0]?.language as Locale | undefined;
}

/**
 * The reader's language: an explicit ?lang= (the visible switch, remembered in a cookie), then
 * that cookie, then the browser's Accept-Language, then the deployment's default.
 */
export function negotiateLocale(request: IncomingMessage, url: URL, fallback: Locale): { locale: Locale; chosen: boolean } {
  const asked = url.searchParams.get('lang') ?? '';
  if (isLocale(asked)) return { locale: asked, chosen: true };
  const remembered = cookiesOf(request).get(languageCookie) ?? '';
  if (isLocale(remembered)) return { locale: remembered, chosen: false };
  return { locale: acceptedLocale(request.headers['accept-language']) ?? fallback, chosen: false };
}
