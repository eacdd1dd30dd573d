import type { relay as fr } from '../fr/relay.ts';

/** English strings of relaying meetups between networks. Same keys as ../fr/relay.ts. */
export const relay: typeof fr = {
  relayed: 'Meetup #{id} relayed into this channel; it stays the “{network}” network’s, and answers here count with the others.',
  card: '🔁 Relayed here: a meetup organized by the “{network}” network.',
  followed: 'This channel now follows the “{network}” network: its new meetups will be announced here, once each.',
  alreadyFollowed: 'This channel already follows the “{network}” network.',
  unfollowed: 'This channel no longer follows the “{network}” network.',
  notFollowed: 'This channel did not follow the “{network}” network.',
  following: 'This channel follows: {networks}.',
  followingNone: 'This channel follows no network (“/relais follow <network>” to follow one).',
  help: {
    follow: 'announce another network’s new meetups here',
    unfollow: 'stop announcing a followed network’s meetups here',
    following: 'the networks this channel follows',
  },
  errors: {
    membersOnly: 'Meetup #{id} is reserved to the members of the “{network}” network: it cannot be relayed into another network.',
  },
};
