import { findNetwork } from '../../domain/networks/service.ts';
import { publicMeetup } from '../../domain/meetups/service.ts';
import { meetupCalendar } from '../calendar.ts';
import type { WebContext, WebResponse } from '../context.ts';
import { allMeetups } from '../queries.ts';
import { notFoundPage } from './errors.ts';

/** Feeds keep a year of past meetups: enough history for subscribers, bounded in size. */
const FEED_HISTORY_MS = 365 * 24 * 60 * 60 * 1000;

function ics(ctx: WebContext, body: string, filename: string): WebResponse {
  return { status: 200, contentType: 'text/calendar; charset=utf-8', body, headers: { 'content-disposition': `inline; filename="${filename}"` } };
}

const options = (ctx: WebContext, name: string) => ({ name, t: ctx.t, baseUrl: ctx.baseUrl, publicUrl: ctx.services.config.RELAIS_PUBLIC_URL });

const since = (ctx: WebContext) => new Date(ctx.services.clock.now().getTime() - FEED_HISTORY_MS);

/** /calendar.ics: every network's meetups. */
export async function allMeetupsFeed(ctx: WebContext): Promise<WebResponse> {
  const meetups = await allMeetups(ctx.services.db, { since: since(ctx) });
  return ics(ctx, meetupCalendar(meetups, options(ctx, ctx.t('web.calendar.name'))), 'relais.ics');
}

/** /networks/:slug/calendar.ics */
export async function networkFeed(ctx: WebContext, slug: string): Promise<WebResponse> {
  const network = await findNetwork(ctx.services.db, slug);
  if (!network) return notFoundPage(ctx);
  const meetups = await allMeetups(ctx.services.db, { networkId: network.id, since: since(ctx) });
  return ics(ctx, meetupCalendar(meetups, options(ctx, ctx.t('web.calendar.networkName', { name: network.name }))), `${network.slug}.ics`);
}

/** /meetups/:id.ics — the link every announcement carries (see calendarUrl in domain/meetups/view.ts). */
export async function meetupFeed(ctx: WebContext, id: number): Promise<WebResponse> {
  const meetup = await publicMeetup(ctx.services.db, id);
  return ics(ctx, meetupCalendar([meetup], options(ctx, meetup.title)), `meetup-${meetup.id}.ics`);
}
