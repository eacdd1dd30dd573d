import type { series as fr } from '../fr/series.ts';

/** English strings of meetup series. Same keys as ../fr/series.ts. */
export const series: typeof fr = {
  args: { scope: 'this|following' },
  notes: {
    skippedMonths: 'No meetup in {months}: those months do not have the series’ day.',
  },
  preview: {
    nextDates: 'Next dates: {dates}.',
    announced: 'Each date is a meetup of its own (answers, seats, reminders): the first is announced when published, the others {days} days ahead, in the channels the series is announced in.',
  },
  card: '🔁 One date of a series: {rule}. Each date has its own answers.',
  list: {
    next: 'next: {dates}',
  },
  cancelledFollowing: {
    one: 'Meetup #{id} and the series’ following dates cancelled ({dates} date{plural}); {count} person who had answered is told.',
    other: 'Meetup #{id} and the series’ following dates cancelled ({dates} date{plural}); {count} people who had answered are told.',
  },
  editedFollowing: {
    one: 'Meetup #{id} and the series’ following dates changed ({dates} date{plural} already announced, and those to come); {count} person is told.',
    other: 'Meetup #{id} and the series’ following dates changed ({dates} date{plural} already announced, and those to come); {count} people are told.',
  },
  errors: {
    whichDates: 'Meetup #{id} is one date of a series: this date only (“{one}”) or this one and the following (“{following}”)?',
    moveFollowing: 'Moving meetup #{id} and the following dates changes the series itself: cancel them (“following”) and create the new series; one date alone moves with “this”.',
    announceWithoutSeries: '“{option}” only applies to a series (“every Tuesday 10am”, “every first Thursday of the month at 18:30”).',
  },
};
