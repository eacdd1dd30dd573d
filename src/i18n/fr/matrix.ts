/** French strings of the matrix part. Mirror every key in ../en/matrix.ts. */
export const matrix = {
  /** Sent once, in clear, into an end-to-end encrypted room where Relais cannot read messages. */
  encryptedRoom:
    '🔒 Ce salon est chiffré de bout en bout : Relais ne peut pas lire les messages ici, ni répondre aux commandes. '
    + 'Utilisez Relais dans un salon non chiffré, ou demandez à la personne qui administre Relais de le connecter via pantalaimon.',
  encryptedRefused:
    'Ce salon Matrix est chiffré de bout en bout : Relais n’y publie rien, car son message y partirait en clair. '
    + 'Choisissez un salon non chiffré, ou connectez Relais via pantalaimon.',
  reactToAnswer: 'Pour répondre, réagissez : {choices}',
};
