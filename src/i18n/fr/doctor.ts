/** `relais doctor`, in French: what was found, then what to do. Mirror every key in ../en/doctor.ts. */
export const doctor = {
  config: {
    ok: 'Configuration : valide ({platforms})',
    invalid: 'Configuration : {problem}',
    fix: 'corrigez la variable dans le fichier .env ou l’environnement (voir le tableau « Configuration » du README)',
    console: 'aucune plateforme : npm start ouvre le chat en console',
  },
  database: {
    upToDate: 'Base de données : {where} répond ; ses {count} migrations sont appliquées',
    empty: 'Base de données : {where} n’a encore ni tables ni migrations',
    pending: { one: 'Base de données : {where} répond ; {count} migration n’est pas encore appliquée ({names})', other: 'Base de données : {where} répond ; {count} migrations ne sont pas encore appliquées ({names})' },
    migrateFix: 'Relais les applique au démarrage ; ou maintenant : npx relais migrate',
    refused: 'Base de données : {where} — {reason}',
    unreachable: 'Base de données : {where} ne répond pas ({reason})',
    unreachableFix: 'vérifiez DATABASE_URL (hôte, port, utilisateur, mot de passe, nom de la base) et que le serveur tourne',
  },
  platform: {
    crashed: '{platform} : la vérification a échoué ({reason})',
  },
  publicUrl: {
    unset: 'Adresse publique : RELAIS_PUBLIC_URL n’est pas définie (les annonces et les résumés ne renvoient pas vers les pages web)',
    ok: 'Adresse publique : {url} répond',
    answered: 'Adresse publique : {url} répond {status}',
    unreachable: 'Adresse publique : {url} ne répond pas ({reason})',
    fix: 'Relais doit tourner, et le proxy inverse transmettre cette adresse au PORT de Relais',
  },
  wiki: {
    unset: 'Wiki : aucun (RELAIS_WIKI_API_URL n’est pas définie)',
    ok: 'Wiki : connecté à {url} en tant que {user}',
  },
};
