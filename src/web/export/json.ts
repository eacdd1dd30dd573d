import { isVerified } from '../../domain/tips/curation.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** Bumped when a field changes meaning or disappears; adding fields keeps the version. */
export const exportVersion = 1;

/** The documented JSON export (see the README, "Web pages, calendar and export"): display names only, never platform user ids. */
export function jsonExport(base: KnowledgeBase, exportedAt: Date) {
  return {
    format: 'relais-export',
    version: exportVersion,
    exportedAt: exportedAt.toISOString(),
    networks: base.networks.map((network) => ({
      slug: network.slug,
      name: network.name,
      createdAt: network.createdAt.toISOString(),
      counts: { channels: network.channels.length, tips: network._count.tips, meetups: network._count.meetups },
    })),
    channels: base.channels.map((channel) => ({
      id: channel.id,
      platform: channel.platform,
      name: channel.name,
      network: channel.network?.slug ?? null,
      locale: channel.locale,
      timezone: channel.timezone,
      isHub: channel.isHub,
    })),
    tips: base.tips.map((tip) => ({
      id: tip.id,
      title: tip.title,
      text: tip.text,
      author: tip.author.displayName,
      network: tip.network?.slug ?? null,
      channelId: tip.channelId,
      tags: tip.tags.map(({ tag }) => tag),
      tagLabels: tip.tags.map(({ label }) => label),
      votes: tip.voteCount,
      verified: isVerified(tip, exportedAt),
      verifiedAt: tip.verifiedAt?.toISOString() ?? null,
      reviewAt: tip.reviewAt?.toISOString() ?? null,
      permalink: tip.permalink,
      createdAt: tip.createdAt.toISOString(),
      updatedAt: tip.updatedAt.toISOString(),
    })),
    resources: base.resources.map((resource) => ({
      id: resource.id,
      title: resource.title,
      url: resource.url,
      kind: resource.kind,
      year: resource.year,
      network: resource.network?.slug ?? null,
      tags: resource.tags.map(({ tag }) => tag),
      tagLabels: resource.tags.map(({ label }) => label),
      createdAt: resource.createdAt.toISOString(),
      updatedAt: resource.updatedAt.toISOString(),
    })),
    meetups: base.meetups.map((meetup) => ({
      id: meetup.id,
      title: meetup.title,
      description: meetup.description,
      startsAt: meetup.startsAt.toISOString(),
      endsAt: meetup.endsAt?.toISOString() ?? null,
      timezone: meetup.timezone,
      place: meetup.place,
      onlineUrl: meetup.onlineUrl,
      capacity: meetup.capacity,
      organizer: meetup.organizer.displayName,
      network: meetup.network?.slug ?? null,
      status: meetup.status,
      sequence: meetup.sequence,
      rsvps: meetup.counts,
      createdAt: meetup.createdAt.toISOString(),
      updatedAt: meetup.updatedAt.toISOString(),
    })),
  };
}

export type JsonExport = ReturnType<typeof jsonExport>;
