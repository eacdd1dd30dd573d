import { publicMeetup } from '../../domain/meetups/service.ts';
import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { subscribeBlock } from '../fragments.ts';
import { linkified } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { addToCalendar, attendance, cancelledBadge, meetupList, meetupTime, meetupWhere } from '../meetup-fragments.ts';
import { meetupsAround } from '../queries.ts';

const PAST_LIMIT = 50;

/** /meetups: upcoming (cancelled ones marked), then the latest past ones, then how to subscribe. */
export async function meetupsListPage(ctx: WebContext): Promise<WebResponse> {
  const { services, t } = ctx;
  const now = services.clock.now();
  const [upcoming, past] = await Promise.all([
    meetupsAround(services.db, { now, side: 'upcoming' }),
    meetupsAround(services.db, { now, side: 'past', limit: PAST_LIMIT }),
  ]);
  const title = t('web.meetups.title');
  const body = html`<h1>${title}</h1>
<section aria-labelledby="upcoming-title"><h2 id="upcoming-title">${t('web.meetups.upcoming')}</h2>
${meetupList(ctx, upcoming, 3, t('web.meetups.noneUpcoming'))}</section>
<section aria-labelledby="past-title"><h2 id="past-title">${t('web.meetups.past')}</h2>
${meetupList(ctx, past, 3, t('web.meetups.nonePast'))}</section>
${subscribeBlock(ctx, '/calendar.ics', t('web.meetups.subscribe'))}`;
  return htmlResponse(page(ctx, { title, section: 'meetups', body }));
}

/** /meetups/:id with its answers and its own .ics; a cancelled one says so, and offers neither. */
export async function meetupPage(ctx: WebContext, id: number): Promise<WebResponse> {
  const { services, t } = ctx;
  const meetup = await publicMeetup(services.db, id);
  const cancelled = meetup.status === 'cancelled';
  const full = meetup.capacity !== null && meetup.counts.going >= meetup.capacity;
  const body = html`<h1>${meetup.title}${cancelledBadge(ctx, meetup)}</h1>
${cancelled ? html`<p class="status-cancelled">${t('meetups.cancelledBody')}</p>` : ''}
<dl class="facts">
<dt>${t('meetups.when')}</dt><dd>${meetupTime(ctx, meetup)}</dd>
<dt>${t('meetups.where')}</dt><dd>${meetupWhere(ctx, meetup)}</dd>
<dt>${t('web.meetups.organizer')}</dt><dd>${meetup.organizer.displayName}</dd>
${meetup.network ? html`<dt>${t('web.meetups.network')}</dt><dd><a href="/networks/${meetup.network.slug}">${meetup.network.name}</a></dd>` : ''}
${cancelled ? '' : html`<dt>${t('meetups.capacity')}</dt><dd>${meetup.capacity === null ? t('web.meetups.unlimited') : `${meetup.capacity}${full ? ` · ${t('meetupFlow.full')}` : ''}`}</dd>
<dt>${t('meetups.answers')}</dt><dd>${attendance(ctx, meetup)}</dd>
${meetup.capacity !== null ? html`<dt>${t('web.meetups.waitlist')}</dt><dd>${String(meetup.counts.waitlisted)}</dd>` : ''}`}
</dl>
${meetup.description ? html`<h2>${t('web.meetups.description')}</h2><div class="tip-text">${linkified(meetup.description)}</div>` : ''}
${cancelled ? '' : html`<p>${addToCalendar(ctx, meetup)}</p>`}
<p><a href="/meetups">${t('web.meetups.back')}</a></p>`;
  return htmlResponse(page(ctx, { title: meetup.title, section: 'meetups', body }));
}
