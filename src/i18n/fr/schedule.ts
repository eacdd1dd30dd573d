/** French strings of the schedule part. Mirror every key in ../en/schedule.ts. */
export const schedule = {
  digest: {
    title: { weekly: 'Résumé de la semaine', daily: 'Résumé du jour', manual: 'Résumé' },
    hubTitle: 'Résumé du réseau des réseaux',
    empty: 'Rien de nouveau sur la période.',
    tipsCount: { one: '{count} nouvelle astuce', other: '{count} nouvelles astuces' },
    upcomingCount: { one: '{count} rencontre à venir', other: '{count} rencontres à venir' },
    pastCount: { one: '{count} rencontre passée', other: '{count} rencontres passées' },
    networksCount: { one: '{count} réseau', other: '{count} réseaux' },
    untagged: 'sans tag',
    attendance: { one: '{count} participant·e', other: '{count} participant·es' },
    contributors: 'Les plus actifs : {names}',
    allTips: 'Toutes les astuces',
    allMeetups: 'Toutes les rencontres',
  },
  now: {
    posted: 'Résumé posté dans ce salon.',
    skipped: 'Rien à résumer : la période est vide et ce salon ne poste pas les résumés vides.',
    already: 'Un résumé vient déjà d’être posté dans ce salon (une fois par minute au plus).',
  },
  next: 'Prochain résumé',
  nextNone: 'aucun (résumé désactivé)',
  reminder: {
    title: '⏰ Rappel : {title}',
    startsIn: 'La rencontre commence {when}.',
  },
};
