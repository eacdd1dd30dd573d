import type { people as fr } from '../fr/people.ts';

/** English strings of linked identities, roles lists and personal calendars: the same keys as ../fr/people.ts. */
export const people: typeof fr = {
  help: {
    link: 'link your accounts on several platforms (without a code: get one; with one: type it from the other account)',
    unlink: 'separate your account on one platform from your other accounts',
    calendar: 'the address of your personal calendar (reset: change it)',
    roles: 'the organizers and moderators of this channel’s network',
    mine: 'the meetups you are going to',
  },
  args: { code: 'code', platform: 'platform', reset: 'reset' },
  sentPrivately: 'I sent it to you in a private message.',
  link: {
    title: 'Link your accounts',
    code: 'Your code: {code}',
    howTo: 'From your account on the other platform, type {command} (or {matrixCommand} on Matrix) within {minutes} minutes. It works once. Give it to nobody: it links to you the account that types it.',
    linked: 'Done: your accounts are linked. Your answers, votes and roles are the same everywhere.',
    told: 'Your {platform} account was just linked to the account {other}. If this was not you: {command}',
    refused: {
      wrong: 'This code is not valid. Check it, or ask for another one with {command} on your other account.',
      expired: 'This code has expired. Ask for another one with {command} on your other account.',
      used: 'This code was already used. Ask for another one with {command} on your other account.',
      tooManyMisses: 'Too many wrong codes: try again in an hour.',
      samePerson: 'These accounts are already linked.',
      samePlatform: 'You already have a {platform} account linked: separate it first ({command}).',
    },
    errors: { tooManyCodes: 'You asked for {count} codes within an hour: try again later.' },
  },
  unlink: {
    done: 'Your {platform} account ({name}) is separated from your other accounts: it keeps the answers, votes and roles given from it.',
    errors: {
      nothingLinked: 'Your account is linked to no other.',
      noSuchPlatform: 'No “{platform}” account is linked to yours. Your accounts: {platforms}.',
    },
  },
  identities: 'Linked accounts',
  forgetIdentities: 'All your linked accounts will be erased: {names}.',
  calendar: {
    title: 'Your personal calendar',
    body: 'Subscribe your calendar to this address: the meetups you answer “going” or “maybe” show in it. It is personal: whoever knows it sees your meetups.',
    resetHint: 'To change it (the old one stops working): {command}',
    reset: 'New address for your personal calendar; the old one no longer works.',
    name: 'Relais — my meetups',
    maybe: 'maybe',
    waitlisted: 'waitlist',
    errors: { noPublicUrl: 'Relais has no public address (RELAIS_PUBLIC_URL): no personal calendar.' },
  },
  mine: {
    title: 'Your upcoming meetups',
    none: 'You answered “going” or “maybe” to no upcoming meetup.',
    going: 'going',
    maybe: 'maybe',
    waitlisted: 'waitlist',
  },
  roles: {
    title: 'Roles in the {name} network',
    organizers: 'Organizers',
    moderators: 'Moderators',
    none: 'none',
    admins: 'Relais administrators (RELAIS_ADMINS) may do everything.',
  },
  myData: {
    none: 'none',
    admin: 'Relais administrator (configuration)',
  },
};
