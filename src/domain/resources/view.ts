import type { Card, Rich } from '../../core/card.ts';
import { truncate } from '../../core/text.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { ResourceKind, ResourceView } from './service.ts';

export const kindLabel = (resource: Pick<ResourceView, 'kind'>, t: Translate) => t(`resources.kinds.${resource.kind as ResourceKind}`);

/** "Guide · Réseau · 2024": what a resource is and who published it, when. */
export function resourceFacts(resource: ResourceView, t: Translate): string {
  return [t(`resources.kindsTitle.${resource.kind as ResourceKind}`), ...(resource.network ? [resource.network.name] : []), ...(resource.year ? [String(resource.year)] : [])].join(' · ');
}

/** One resource in a list: its number, its title linking to its address, what it is. */
export function resourceLine(resource: ResourceView, t: Translate): Rich {
  return [{ strong: `#${resource.id}` }, ' ', { link: resource.url, label: truncate(resource.title, 100, { atWord: true }) }, ` — ${resourceFacts(resource, t)}`];
}

export function resourceListCard(title: string, resources: ResourceView[], options: { t: Translate; locale: string }, emptyText: string): Card {
  return {
    locale: options.locale,
    header: [title],
    ...(resources.length ? { items: resources.map((resource) => resourceLine(resource, options.t)) } : { body: [[emptyText]] }),
  };
}

/** A resource in full: its address shown as such, what it is, who shared it and when. */
export function resourceCard(resource: ResourceView, options: { t: Translate; locale: string; timeZone: string }): Card {
  const { t } = options;
  return {
    locale: options.locale,
    header: [`📚 ${t('resources.number', { id: resource.id })} — ${truncate(resource.title, 120, { atWord: true })}`],
    fields: [
      { label: t('resources.link'), value: [{ link: resource.url }] },
      { label: t('resources.kind'), value: [t(`resources.kindsTitle.${resource.kind as ResourceKind}`)] },
      { label: t('resources.network'), value: [resource.network?.name ?? t('resources.noNetwork')] },
      ...(resource.year ? [{ label: t('resources.year'), value: [String(resource.year)] }] : []),
      { label: t('resources.sharedBy'), value: [resource.addedBy?.displayName ?? t('privacy.anonymous')] },
      { label: t('resources.date'), value: [{ date: resource.createdAt, timeZone: options.timeZone }] },
    ],
    ...(resource.tags.length ? { footer: [resource.tags.map(({ label }) => `#${label}`).join(' ')] } : {}),
  };
}
