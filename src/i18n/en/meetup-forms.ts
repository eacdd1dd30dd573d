import type { meetupForms as fr } from '../fr/meetup-forms.ts';

/** English strings of the meetup forms. Same keys as ../fr/meetup-forms.ts. */
export const meetupForms: typeof fr = {
  repeat: 'Repeats',
  repeatHint: 'The dates follow the one picked above: its weekday, its rank in the month or its day of the month.',
  repeats: {
    none: 'Just this date',
    weekly: 'Every week, on the same day',
    fortnightly: 'Every other week, on the same day',
    monthlyWeekday: 'Every month, same rank (e.g. the 2nd Tuesday)',
    monthlyLastWeekday: 'Every month, the last such day (e.g. the last Thursday)',
    monthlyDay: 'Every month, on the same date (e.g. the 15th)',
  },
  until: 'Until',
  untilHint: 'Optional: the last possible date of the series. Without it, the series goes on until it is stopped.',
  announceDays: 'Announce each date (days ahead)',
  announceDaysHint: 'Optional: 7 days ahead by default.',
  access: 'Access',
  membersOnly: 'Reserved to the network’s members (no relaying elsewhere)',
  scope: 'Apply to',
  // Not `one`: a key named so is read as a plural form.
  scopes: { only: 'This date only', following: 'This date and the following' },
  scopeHint: 'The following dates keep their date and time: to move them, cancel them and create a new series.',
  edit: { title: 'Edit the meetup', submit: 'Save' },
  nothingChanged: 'Nothing changed in meetup #{id}.',
  cancelQuestion: 'Meetup #{id} (“{title}”, {date}) is a date of a series: what should be cancelled?',
  errors: {
    onlyForSeries: 'Only for a meetup that repeats: choose a repetition first.',
    announceDays: 'Between 1 and 60 days.',
  },
};
