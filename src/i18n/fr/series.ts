/** French strings of meetup series: previews, lists, occurrences. Mirror every key in ../en/series.ts. */
export const series = {
  notes: {
    skippedMonths: 'Pas de rencontre en {months} : ces mois-là n’ont pas la date de la série.',
  },
  preview: {
    nextDates: 'Prochaines dates : {dates}.',
    announced: 'Chaque date est une rencontre à part (réponses, places, rappels) : la première est annoncée à la publication, les suivantes {days} jours avant, dans les salons où la série est annoncée.',
  },
  list: {
    next: 'prochaines : {dates}',
  },
  card: {
    partOf: 'Une date de la série « {series} ».',
  },
  errors: {
    announceWithoutSeries: '« {option} » ne vaut que pour une série (« tous les mardis 10h », « le 1er jeudi du mois 18h30 »).',
  },
};
