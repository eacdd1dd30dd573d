import type { meetupFlow as fr } from '../fr/meetup-flow.ts';

/** English strings of the meetup flow. Same keys as ../fr/meetup-flow.ts. */
export const meetupFlow: typeof fr = {
  online: 'online',
  full: 'full',
  web: {
    noEnd: 'No end time given: the calendar shows it as 1 hour long.',
  },
  preview: {
    header: 'Preview — {title}',
    intro: 'This is the announcement as it will appear in this channel. Nothing is published until you choose “Publish”.',
    noEnd: 'Without an end time, calendars will show it as 1 hour long: to give one, “/meetup edit {id} end 8pm” or “6:30pm to 8pm”.',
    footer: 'Draft #{id}, visible to you only; it is deleted if not published within {days} days.',
    publish: 'Publish',
    change: 'Change',
    discard: 'Discard',
  },
  published: 'Meetup #{id} published; its announcement is on its way to this channel.',
  discarded: 'Draft #{id} discarded: nothing was published.',
  change: {
    header: 'Change meetup #{id}',
    intro: 'Type one of these lines, corrected:',
    draft: 'Each change shows a new preview; nothing is published before “Publish”.',
    published: 'People who answered going or maybe are told when the date, the end time or the place changes.',
    none: 'none',
  },
  edited: {
    one: 'Meetup #{id} changed; its announcements are updated and {count} person is told.',
    other: 'Meetup #{id} changed; its announcements are updated and {count} people are told.',
  },
  editedQuietly: 'Meetup #{id} changed; its announcements are updated.',
  amended: '✏️ Changed: {what}.',
  fields: { when: 'date and time', end: 'end time', where: 'place' },
  notice: {
    editedHeader: '✏️ Meetup changed — {title}',
    editedIntro: 'Meetup #{id}, which you answered, has changed:',
    change: '{old} → {new}',
    noEnd: 'no end time',
    cancelledHeader: '❌ Meetup cancelled — {title}',
    cancelledBody: 'Meetup #{id}, which you answered, is cancelled. It was to take place on {when} ({where}).',
    forWhom: 'For {name}:',
  },
  notes: {
    endKept: 'Its length stays the same: the meetup ends at {end}.',
  },
  participants: {
    header: 'Participants — #{id} {title}',
    going: 'Going ({count})',
    waitlist: 'Waitlist ({count})',
    maybe: 'Maybe ({count})',
    declined: 'Not going ({count})',
    nobody: 'nobody',
    csvHint: 'As CSV: {command}',
    csv: { name: 'name', answer: 'answer', going: 'going', waitlisted: 'waitlisted', maybe: 'maybe', declined: 'not going' },
  },
  list: {
    network: 'Upcoming meetups — {network}',
    all: 'Upcoming meetups — every network',
    seeAll: 'Those of every network: {command}',
  },
  waitlist: {
    position: 'Meetup #{id} is full: you are number {position} on the waitlist and will be told if a seat frees up.',
    movedUp: 'You are now number {position} on the waitlist of meetup #{id} “{title}”.',
  },
  reminders: {
    off: 'You will no longer get private reminders before meetups. To get them again: {command}',
    on: 'You will get a private reminder before the meetups you said you are going to.',
    notEnabled: 'This Relais sends no private reminders (only channels get them); your choice is kept for the day it does.',
    none: 'no reminder',
    usual: 'the usual reminders ({offsets})',
    set: 'Reminders of meetup #{id}: {offsets}.',
  },
  help: {
    publish: 'publish a draft meetup (after its preview)',
    discard: 'discard a draft meetup',
    participants: 'who is going, maybe, on the waitlist (in order); --csv for a table',
    reminders: 'turn your private reminders before meetups on or off',
  },
  args: {
    createOptions: 'capacity N | reminders 2d,1h | members only | until … | announce 10 days | publish',
    csv: '--csv',
    onOff: 'on|off',
    listScope: 'all',
  },
  errors: {
    alreadyPublished: 'Meetup #{id} is already published: to announce it in another channel, /meetup announce {id}.',
    notPublished: 'Meetup #{id} is still a draft: publish it first with /meetup publish {id}.',
    option: '“{option}”: I expect “capacity 30”, “reminders 2d,1h”, “members only”, “publish”, or for a series “until June 30, 2027” and “announce 10 days”.',
    repeatedOption: '“{option}” is given twice.',
    reminders: '“{text}”: write how long before the meetup, separated by commas, e.g. “2d,1h” or “30min” (30 days at most), “none” or “default”.',
    formEnd: 'the end time must be after the start',
  },
};
