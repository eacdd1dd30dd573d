import type { relay as fr } from '../fr/relay.ts';

/** English strings of relaying meetups between networks. Same keys as ../fr/relay.ts. */
export const relay: typeof fr = {
  relayed: 'Meetup #{id} relayed into this channel; it stays the “{network}” network’s, and answers here count with the others.',
  card: '🔁 Relayed here: a meetup organized by the “{network}” network.',
  errors: {
    membersOnly: 'Meetup #{id} is reserved to the members of the “{network}” network: it cannot be relayed into another network.',
  },
};
