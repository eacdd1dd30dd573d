import type { privacy as fr } from '../fr/privacy.ts';

/** English strings of the privacy part. */
export const privacy: typeof fr = {
  help: {
    myData: 'everything Relais keeps about you',
    forgetMe: 'erase your data (asks for confirmation)',
  },
  args: { confirm: 'confirm' },
  anonymous: 'Anonymous',
  myData: {
    title: 'Your data in Relais',
    intro: 'This is everything Relais records about you. Your messages stay on {platform}: Relais only keeps the tips that were saved.',
    identity: 'Identity',
    firstSeen: 'Recorded on',
    roles: 'Roles',
    noRoles: 'none',
    tips: { one: 'Tip written ({count})', other: 'Tips written ({count})' },
    votes: { one: 'Vote ({count})', other: 'Votes ({count})' },
    rsvps: { one: 'Meetup answer ({count})', other: 'Meetup answers ({count})' },
    meetups: { one: 'Meetup organized ({count})', other: 'Meetups organized ({count})' },
    hidden: 'hidden',
    waitlisted: 'waitlist',
    status: { going: 'going', maybe: 'maybe', declined: 'not going' },
    more: { one: '… and {count} more', other: '… and {count} more' },
    retention: 'Answers to meetups that ended more than {days} days ago are deleted automatically.',
    keptForever: 'Answers to meetups are kept until they are erased.',
    howToForget: 'To erase everything: {command}',
  },
  forget: {
    title: 'Erase your data?',
    explain: 'Your meetup answers, votes and roles will be deleted. Your tips ({tips}) and the meetups you organized ({meetups}) will stay, credited to “{anonymous}”. This cannot be undone.',
    confirmHint: 'To confirm: {command}',
    done: 'Done: Relais has forgotten who you are. Deleted: {rsvps}, {votes}, {roles}. Anonymised: {tips}, {meetups}.',
    counts: {
      rsvps: { one: '{count} answer', other: '{count} answers' },
      votes: { one: '{count} vote', other: '{count} votes' },
      roles: { one: '{count} role', other: '{count} roles' },
      tips: { one: '{count} tip', other: '{count} tips' },
      meetups: { one: '{count} meetup', other: '{count} meetups' },
    },
    again: 'If you use Relais again, it will record you as a new person.',
  },
};
