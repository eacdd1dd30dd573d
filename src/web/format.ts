import { DateTime } from 'luxon';
import { html, safeHref, type SafeHtml } from './html.ts';

/** A calendar day only, for tips. */
export function dayTag(instant: Date, timeZone: string, locale: string): SafeHtml {
  const day = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
  return html`<time datetime="${instant.toISOString()}">${day}</time>`;
}

const urlInText = /https?:\/\/[^\s<>"]+/g;

/** User text with its http(s) addresses as links (trailing punctuation stays text); everything escaped. */
export function linkified(text: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of text.matchAll(urlInText)) {
    const raw = match[0].replace(/[.,;:!?)\]}'»]+$/u, '');
    const href = safeHref(raw);
    if (!href) continue;
    parts.push(html`${text.slice(last, match.index)}<a href="${href}" rel="nofollow ugc noopener">${raw}</a>`);
    last = match.index + raw.length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}
