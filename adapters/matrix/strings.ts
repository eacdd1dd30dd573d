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
    /** `relais doctor`: what was found, then what to do. */
    doctor: {
      connected: 'Matrix : {homeserver} répond ; le jeton est celui de {userId}',
      tokenRefused: 'Matrix : {homeserver} refuse le jeton d’accès ({reason})',
      tokenFix: 'connectez de nouveau le compte du bot (README, « Connect to Matrix / Tchap ») et mettez le nouveau jeton dans MATRIX_ACCESS_TOKEN',
      unreachable: 'Matrix : {homeserver} ne répond pas ({reason})',
      unreachableFix: 'vérifiez MATRIX_HOMESERVER_URL et l’accès réseau, ou que pantalaimon tourne si Relais passe par lui',
      otherAccount: 'Matrix : MATRIX_USER_ID indique {configured}, mais le jeton est celui de {userId}',
      otherAccountFix: 'corrigez MATRIX_USER_ID, ou retirez-le (Relais le demande alors au serveur)',
      rooms: { one: 'Matrix : le bot est dans {count} salon', other: 'Matrix : le bot est dans {count} salons' },
      noRoom: 'Matrix : le bot n’est encore dans aucun salon',
      inviteIt: 'invitez-le dans un salon depuis un compte listé dans MATRIX_AUTOJOIN',
      setAutojoin: 'MATRIX_AUTOJOIN est vide, donc toute invitation est déclinée : indiquez qui peut inviter le bot, puis invitez-le',
      roomsUnreadable: 'Matrix : les salons du bot n’ont pas pu être lus ({reason})',
    },
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
    doctor: {
      connected: 'Matrix: {homeserver} answers; the token is {userId}’s',
      tokenRefused: 'Matrix: {homeserver} refuses the access token ({reason})',
      tokenFix: 'log the bot account in again (README, “Connect to Matrix / Tchap”) and put the new token in MATRIX_ACCESS_TOKEN',
      unreachable: 'Matrix: {homeserver} does not answer ({reason})',
      unreachableFix: 'check MATRIX_HOMESERVER_URL and the network, or that pantalaimon runs if Relais goes through it',
      otherAccount: 'Matrix: MATRIX_USER_ID says {configured}, but the token is {userId}’s',
      otherAccountFix: 'correct MATRIX_USER_ID, or remove it (Relais then asks the server)',
      rooms: { one: 'Matrix: the bot is in {count} room', other: 'Matrix: the bot is in {count} rooms' },
      noRoom: 'Matrix: the bot is in no room yet',
      inviteIt: 'invite it to a room from an account listed in MATRIX_AUTOJOIN',
      setAutojoin: 'MATRIX_AUTOJOIN is empty, so every invitation is declined: say who may invite the bot, then invite it',
      roomsUnreadable: 'Matrix: the bot’s rooms could not be read ({reason})',
    },
  },
};
