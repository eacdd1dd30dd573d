import type { series as fr } from '../fr/series.ts';

/** English strings of meetup series. Same keys as ../fr/series.ts. */
export const series: typeof fr = {
  notes: {
    skippedMonths: 'No meetup in {months}: those months do not have the series’ day.',
  },
  preview: {
    nextDates: 'Next dates: {dates}.',
    announced: 'Each date is a meetup of its own (answers, seats, reminders): the first is announced when published, the others {days} days ahead, in the channels the series is announced in.',
  },
  list: {
    next: 'next: {dates}',
  },
  card: {
    partOf: 'One date of the series “{series}”.',
  },
  errors: {
    announceWithoutSeries: '“{option}” only applies to a series (“every Tuesday 10am”, “every first Thursday of the month at 18:30”).',
  },
};
