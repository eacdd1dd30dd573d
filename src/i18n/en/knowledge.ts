import type { knowledge as fr } from '../fr/knowledge.ts';

/** English strings of the knowledge base's web pages and feeds (tips and resources). */
export const knowledge: typeof fr = {
  pageOf: 'page {page} of {pages}',
  pagination: 'Pages',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page {page}',
  sort: 'Sort',
  sorts: { latest: 'newest first', top: 'most appreciated' },
  verified: 'Verified',
  verifiedTitle: 'Verified by {name} on {date}; due for review on {review}',
  reviewDue: 'Due for review since {date}',
  verification: 'Verification',
  mergedSources: 'Original messages of the merged tips',
  source: 'original message',
  feed: {
    link: 'Atom feed of what is new',
    title: 'Relais — new tips and resources',
    networkTitle: 'Relais — {name}',
    tagTitle: 'Relais — #{tag}',
    subtitle: 'The tips and resources shared between the partner networks, newest first.',
    tip: 'Tip',
    resource: '{kind}',
  },
};
