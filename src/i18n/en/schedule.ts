import type { schedule as fr } from '../fr/schedule.ts';

/** English strings of the schedule part. */
export const schedule: typeof fr = {
  digest: {
    title: { weekly: 'Weekly digest', daily: 'Daily digest', manual: 'Digest' },
    hubTitle: 'Network of networks digest',
    empty: 'Nothing new this period.',
    tipsCount: { one: '{count} new tip', other: '{count} new tips' },
    upcomingCount: { one: '{count} upcoming meetup', other: '{count} upcoming meetups' },
    pastCount: { one: '{count} past meetup', other: '{count} past meetups' },
    networksCount: { one: '{count} network', other: '{count} networks' },
    untagged: 'untagged',
    attendance: { one: '{count} attendee', other: '{count} attendees' },
    contributors: 'Most active: {names}',
    allTips: 'All tips',
    allMeetups: 'All meetups',
  },
  now: {
    posted: 'Digest posted in this channel.',
    skipped: 'Nothing to post: the period is empty and this channel skips empty digests.',
    already: 'A digest was just posted in this channel (at most one a minute).',
  },
  next: 'Next digest',
  nextNone: 'none (digest off)',
  reminder: {
    title: '⏰ Reminder: {title}',
    startsIn: 'The meetup starts {when}.',
  },
};
