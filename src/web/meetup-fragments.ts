import type { MeetupView } from '../domain/meetups/service.ts';
import { whenText } from '../domain/meetups/view.ts';
import type { WebContext } from './context.ts';
import { heading, type HeadingLevel } from './fragments.ts';
import { html, safeHref, type SafeHtml } from './html.ts';

// How meetups read on the pages: when in words with its end and "heure de Paris", where with a map
// search and the online mark, answers and the calendar link only while the meetup is on.

const isCancelled = (meetup: MeetupView) => meetup.status === 'cancelled';

/** "jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)" around the machine-readable start. */
export const meetupTime = (ctx: WebContext, meetup: MeetupView): SafeHtml =>
  html`<time datetime="${meetup.startsAt.toISOString()}">${whenText(meetup, ctx.locale)}</time>`;

/** The place as a search on OpenStreetMap, and the online link marked as such. */
export function meetupWhere(ctx: WebContext, meetup: MeetupView): SafeHtml {
  const { t } = ctx;
  const map = meetup.place ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(meetup.place)}` : undefined;
  const online = safeHref(meetup.onlineUrl);
  const place = map ? html`<a href="${map}" rel="nofollow noopener">${meetup.place}</a>` : '';
  const link = meetup.onlineUrl
    ? html`<span class="online">${t('meetupFlow.online')}</span> : ${online ? html`<a href="${online}" rel="nofollow noopener">${meetup.onlineUrl}</a>` : meetup.onlineUrl}`
    : '';
  if (!place && !link) return html`${t('meetups.placeTbd')}`;
  return html`${place}${place && link ? ' · ' : ''}${link}`;
}

/** Going and maybe, then seats ("complet" when none is left) and waitlist when the meetup has a capacity. */
export function attendance(ctx: WebContext, meetup: MeetupView): string {
  const { t } = ctx;
  const { going, maybe, waitlisted } = meetup.counts;
  const parts = [t('meetups.going', { count: going }), t('meetups.maybe', { count: maybe })];
  if (meetup.capacity !== null) parts.push(t('web.meetups.seats', { taken: going, capacity: meetup.capacity }));
  if (meetup.capacity !== null && going >= meetup.capacity) parts.push(t('meetupFlow.full'));
  if (waitlisted) parts.push(t('meetups.waitlisted', { count: waitlisted }));
  return parts.join(' · ');
}

export const cancelledBadge = (ctx: WebContext, meetup: MeetupView) =>
  isCancelled(meetup) ? html` <span class="status-cancelled">(${ctx.t('web.meetups.cancelled')})</span>` : '';

/** The meetup's own .ics (in a list, the item it sits in says which meetup: RGAA 6.1, a link's context). */
export const addToCalendar = (ctx: WebContext, meetup: MeetupView): SafeHtml =>
  html`<a href="/meetups/${meetup.id}.ics" type="text/calendar">${ctx.t('web.meetups.download')}</a>`;

export function meetupItem(ctx: WebContext, meetup: MeetupView, level: HeadingLevel): SafeHtml {
  const network = meetup.network ? html` · <a href="/networks/${meetup.network.slug}">${meetup.network.name}</a>` : '';
  return html`<li><article>
${heading(level, html`<a href="/meetups/${meetup.id}">${meetup.title}</a>${cancelledBadge(ctx, meetup)}`)}
<p class="meta">${meetupTime(ctx, meetup)}</p>
<p class="meta">${meetupWhere(ctx, meetup)}${network}</p>
${isCancelled(meetup) ? '' : html`<p class="meta">${attendance(ctx, meetup)} · ${addToCalendar(ctx, meetup)}</p>`}
</article></li>`;
}

export function meetupList(ctx: WebContext, meetups: MeetupView[], level: HeadingLevel, empty: string): SafeHtml {
  return meetups.length ? html`<ul class="cards">${meetups.map((meetup) => meetupItem(ctx, meetup, level))}</ul>` : html`<p>${empty}</p>`;
}
