/** The Matrix adapter's own strings (port.translate(locale, 'platforms.matrix.…')): French, then English. */
export const strings = {
  fr: {
    /** Sent once, in clear, into an end-to-end encrypted room where Relais cannot read messages. */
    encryptedRoom:
      '🔒 Ce salon est chiffré de bout en bout : Relais ne peut pas lire les messages ici, ni répondre aux commandes. '
      + 'Utilisez Relais dans un salon non chiffré, ou demandez à la personne qui administre Relais de le connecter via pantalaimon.',
    encryptedRefused:
      'Ce salon Matrix est chiffré de bout en bout : Relais n’y publie rien, car son message y partirait en clair. '
      + 'Choisissez un salon non chiffré, ou connectez Relais via pantalaimon.',
    reactToAnswer: 'Pour répondre, réagissez : {choices}',
    orType: 'Ou tapez : {commands}',
    unavailableRetrying: 'Relais est momentanément indisponible : votre message sera traité dès son retour.',
  },
  en: {
    encryptedRoom:
      '🔒 This room is end-to-end encrypted: Relais cannot read messages here or answer commands. '
      + 'Use Relais in an unencrypted room, or ask whoever runs Relais to connect it through pantalaimon.',
    encryptedRefused:
      'This Matrix room is end-to-end encrypted: Relais posts nothing there, as its message would go out unencrypted. '
      + 'Pick an unencrypted room, or connect Relais through pantalaimon.',
    reactToAnswer: 'To answer, react: {choices}',
    orType: 'Or type: {commands}',
    unavailableRetrying: 'Relais is briefly unavailable: your message will be handled as soon as it is back.',
  },
};
