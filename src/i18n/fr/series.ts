/** French strings of meetup series: previews, lists, occurrences. Mirror every key in ../en/series.ts. */
export const series = {
  args: { scope: 'seule|suivantes' },
  notes: {
    skippedMonths: 'Pas de rencontre en {months} : ces mois-là n’ont pas la date de la série.',
  },
  preview: {
    nextDates: 'Prochaines dates : {dates}.',
    announced: 'Chaque date est une rencontre à part (réponses, places, rappels) : la première est annoncée à la publication, les suivantes {days} jours avant, dans les salons où la série est annoncée.',
  },
  card: '🔁 Une date de la série : {rule}. Chaque date a ses propres réponses.',
  list: {
    next: 'prochaines : {dates}',
  },
  cancelledFollowing: {
    one: 'Rencontre n°{id} et les dates suivantes de la série annulées ({dates} date{plural}) ; {count} personne qui avait répondu est prévenue.',
    other: 'Rencontre n°{id} et les dates suivantes de la série annulées ({dates} date{plural}) ; {count} personnes qui avaient répondu sont prévenues.',
  },
  editedFollowing: {
    one: 'Rencontre n°{id} et les dates suivantes de la série modifiées ({dates} date{plural} déjà annoncée{plural}, et celles à venir) ; {count} personne est prévenue.',
    other: 'Rencontre n°{id} et les dates suivantes de la série modifiées ({dates} date{plural} déjà annoncée{plural}, et celles à venir) ; {count} personnes sont prévenues.',
  },
  errors: {
    whichDates: 'La rencontre n°{id} est une date d’une série : cette date seule (« {one} ») ou celle-ci et les suivantes (« {following} ») ?',
    moveFollowing: 'Déplacer la rencontre n°{id} et les dates suivantes change la série elle-même : annulez-les (« suivantes ») et créez la nouvelle série ; une date seule se déplace avec « seule ».',
    announceWithoutSeries: '« {option} » ne vaut que pour une série (« tous les mardis 10h », « le 1er jeudi du mois 18h30 »).',
  },
};
