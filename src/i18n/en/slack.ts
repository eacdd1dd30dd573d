import type { slack as fr } from '../fr/slack.ts';

/** English strings of the slack part. */
export const slack: typeof fr = {
  modal: {
    title: 'New meetup',
    submit: 'Create and announce',
    close: 'Cancel',
    titleLabel: 'Title',
    titlePlaceholder: 'Digital coffee for local teams',
    date: 'Date',
    time: 'Time',
    timezone: 'Timezone',
    place: 'Place',
    placeHint: 'A place, a video link, or both.',
    link: 'Video link',
    capacity: 'Seats',
    capacityHint: 'Leave empty for no limit.',
    channels: 'Announce in',
    channelsHint: 'For a private channel, invite Relais first.',
  },
  errors: {
    notInChannel: 'Relais is not a member of this channel: invite it with /invite @Relais, then try again.',
  },
};
