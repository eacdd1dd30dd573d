/** French strings of relaying meetups between networks. Mirror every key in ../en/relay.ts. */
export const relay = {
  relayed: 'Rencontre n°{id} relayée dans ce salon ; elle reste celle du réseau « {network} », et les réponses d’ici comptent avec les autres.',
  card: '🔁 Relayée ici : rencontre organisée par le réseau « {network} ».',
  followed: 'Ce salon suit maintenant le réseau « {network} » : ses nouvelles rencontres y seront annoncées, une fois chacune.',
  alreadyFollowed: 'Ce salon suit déjà le réseau « {network} ».',
  unfollowed: 'Ce salon ne suit plus le réseau « {network} ».',
  notFollowed: 'Ce salon ne suivait pas le réseau « {network} ».',
  following: 'Ce salon suit : {networks}.',
  followingNone: 'Ce salon ne suit aucun réseau (« /relais follow <réseau> » pour en suivre un).',
  help: {
    follow: 'annoncer ici les nouvelles rencontres d’un autre réseau',
    unfollow: 'ne plus annoncer ici les rencontres d’un réseau suivi',
    following: 'les réseaux que ce salon suit',
  },
  errors: {
    membersOnly: 'La rencontre n°{id} est réservée aux membres du réseau « {network} » : elle ne peut pas être relayée dans un autre réseau.',
  },
};
