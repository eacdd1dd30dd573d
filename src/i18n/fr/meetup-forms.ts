/** French strings of the meetup forms (Slack's modals) beyond the basic fields. Mirror every key in ../en/meetup-forms.ts. Slack caps titles and buttons at 24 characters, choices at 75. */
export const meetupForms = {
  repeat: 'Répétition',
  repeatHint: 'Les dates suivent celle choisie plus haut : son jour de la semaine, son rang dans le mois ou son quantième.',
  repeats: {
    none: 'Une seule date',
    weekly: 'Chaque semaine, le même jour',
    fortnightly: 'Toutes les deux semaines, le même jour',
    monthlyWeekday: 'Chaque mois, le même rang (ex. le 2e mardi)',
    monthlyLastWeekday: 'Chaque mois, le dernier même jour (ex. le dernier jeudi)',
    monthlyDay: 'Chaque mois, à la même date (ex. le 15)',
  },
  until: 'Jusqu’au',
  untilHint: 'Facultatif : la dernière date possible de la série. Sans elle, la série continue jusqu’à ce qu’on l’arrête.',
  announceDays: 'Annoncer chaque date (jours avant)',
  announceDaysHint: 'Facultatif : 7 jours avant par défaut.',
  access: 'Accès',
  membersOnly: 'Réservée aux membres du réseau (pas de relais ailleurs)',
  scope: 'Appliquer à',
  // Not `one`: a key named so is read as a plural form.
  scopes: { only: 'Cette date seulement', following: 'Cette date et les suivantes' },
  scopeHint: 'Pour les suivantes, la date et l’heure ne changent pas : pour cela, annulez-les et créez une nouvelle série.',
  edit: { title: 'Modifier la rencontre', submit: 'Enregistrer' },
  nothingChanged: 'Rien n’a changé dans la rencontre n°{id}.',
  cancelQuestion: 'La rencontre n°{id} (« {title} », {date}) est une date d’une série : que faut-il annuler ?',
  errors: {
    onlyForSeries: 'Seulement pour une rencontre qui se répète : choisissez d’abord une répétition.',
    announceDays: 'Entre 1 et 60 jours.',
  },
};
