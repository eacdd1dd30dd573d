/** French strings of the slack part. Mirror every key in ../en/slack.ts. */
export const slack = {
  modal: {
    // Slack caps modal titles and buttons at 24 characters.
    title: 'Nouvelle rencontre',
    submit: 'Créer et annoncer',
    close: 'Annuler',
    titleLabel: 'Titre',
    titlePlaceholder: 'Apéro numérique des territoires',
    date: 'Date',
    time: 'Heure',
    timezone: 'Fuseau horaire',
    place: 'Lieu',
    placeHint: 'Un lieu, un lien de visio, ou les deux.',
    link: 'Lien de visio',
    capacity: 'Nombre de places',
    capacityHint: 'Laisser vide pour ne pas limiter.',
    channels: 'Annoncer dans',
    channelsHint: 'Dans un salon privé, invitez d’abord Relais.',
  },
  errors: {
    notInChannel: 'Relais n’est pas membre de ce salon : invitez-le avec /invite @Relais, puis réessayez.',
  },
};
