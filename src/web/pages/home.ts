import { latestTips } from '../../domain/tips/service.ts';
import { htmlResponse, type WebContext, type WebResponse } from '../context.ts';
import { tipList } from '../fragments.ts';
import { meetupList } from '../meetup-fragments.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { feedAlternates } from '../feeds.ts';
import { meetupsAround, networkSummaries } from '../queries.ts';

const HOME_LIST = 5;

/** /: the partner networks, the latest tips and the next meetups. */
export async function homePage(ctx: WebContext): Promise<WebResponse> {
  const { services, t } = ctx;
  const [networks, tips, meetups] = await Promise.all([
    networkSummaries(services.db),
    latestTips(services.db, { limit: HOME_LIST, readers: 'public' }),
    meetupsAround(services.db, { now: services.clock.now(), side: 'upcoming', limit: HOME_LIST }),
  ]);
  const body = html`<h1>${t('web.tagline')}</h1>
<section aria-labelledby="networks-title"><h2 id="networks-title">${t('web.home.networks')}</h2>
${networks.length
  ? html`<ul>${networks.map((network) => html`<li><a href="/networks/${network.slug}">${network.name}</a> — ${t('web.home.networkCounts', {
      tips: t('web.network.tips', { count: network._count.tips }),
      meetups: t('web.network.meetups', { count: network._count.meetups }),
    })}</li>`)}</ul>`
  : html`<p>${t('web.home.noNetworks')}</p>`}
</section>
<section aria-labelledby="tips-title"><h2 id="tips-title">${t('web.home.latestTips')}</h2>
${tipList(ctx, tips, 3, t('tips.empty'))}
<p><a href="/tips">${t('web.home.allTips')}</a></p></section>
<section aria-labelledby="meetups-title"><h2 id="meetups-title">${t('web.home.nextMeetups')}</h2>
${meetupList(ctx, meetups, 3, t('web.meetups.noneUpcoming'))}
<p><a href="/meetups">${t('web.home.allMeetups')}</a></p></section>`;
  return htmlResponse(page(ctx, { title: t('web.home.title'), section: 'home', body, alternates: feedAlternates(ctx, {}) }));
}
