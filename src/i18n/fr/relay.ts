/** French strings of relaying meetups between networks. Mirror every key in ../en/relay.ts. */
export const relay = {
  relayed: 'Rencontre n°{id} relayée dans ce salon ; elle reste celle du réseau « {network} », et les réponses d’ici comptent avec les autres.',
  card: '🔁 Relayée ici : rencontre organisée par le réseau « {network} ».',
  errors: {
    membersOnly: 'La rencontre n°{id} est réservée aux membres du réseau « {network} » : elle ne peut pas être relayée dans un autre réseau.',
  },
};
