import { latestTips } from '../../domain/tips/service.ts';
import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { subscribeBlock, tipList } from '../fragments.ts';
import { meetupList } from '../meetup-fragments.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { feedAlternates, feedLink } from '../feeds.ts';
import { meetupsAround, networkSummaries } from '../queries.ts';
import { notFoundPage } from './errors.ts';

const NETWORK_LIST = 10;

/** /networks/:slug: its channels, next meetups, latest tips and its own calendar feed. */
export async function networkPage(ctx: WebContext, slug: string): Promise<WebResponse> {
  const { services, t } = ctx;
  const [network] = await networkSummaries(services.db, slug);
  if (!network) return notFoundPage(ctx);
  const [meetups, tips] = await Promise.all([
    meetupsAround(services.db, { now: services.clock.now(), side: 'upcoming', networkId: network.id }),
    latestTips(services.db, { networkId: network.id, limit: NETWORK_LIST, readers: 'public' }),
  ]);
  const title = t('web.network.title', { name: network.name });
  const feeds = feedAlternates(ctx, { network });
  const body = html`<h1>${title}</h1>
<p>${t('web.network.tips', { count: network._count.tips })} · ${t('web.network.meetups', { count: network._count.meetups })}</p>
<section aria-labelledby="channels-title"><h2 id="channels-title">${t('web.network.channels')}</h2>
${network.channels.length ? html`<ul>${network.channels.map((channel) => html`<li>${channel.name ?? '—'} (${channel.platform})</li>`)}</ul>` : html`<p>${t('web.network.noChannels')}</p>`}
</section>
<section aria-labelledby="meetups-title"><h2 id="meetups-title">${t('web.home.nextMeetups')}</h2>
${meetupList(ctx, meetups, 3, t('web.meetups.noneUpcoming'))}</section>
<section aria-labelledby="tips-title"><h2 id="tips-title">${t('web.home.latestTips')}</h2>
${tipList(ctx, tips, 3, t('tips.empty'))}
<p><a href="/tips?${new URLSearchParams({ network: network.slug }).toString()}">${t('web.home.allTips')}</a></p></section>
${feedLink(ctx, feeds[0]!)}
${subscribeBlock(ctx, `/networks/${network.slug}/calendar.ics`, t('web.meetups.subscribe'))}`;
  return htmlResponse(page(ctx, { title, section: 'none', body, alternates: feeds }));
}
