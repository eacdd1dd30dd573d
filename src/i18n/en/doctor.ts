import type { doctor as fr } from '../fr/doctor.ts';

/** `relais doctor`, in English. */
export const doctor: typeof fr = {
  config: {
    ok: 'Configuration: valid ({platforms})',
    invalid: 'Configuration: {problem}',
    fix: 'correct the variable in the .env file or the environment (see the README’s Configuration table)',
    console: 'no platform: npm start opens the console chat',
  },
  database: {
    upToDate: 'Database: {where} answers; its {count} migrations are applied',
    empty: 'Database: {where} has no tables nor migrations yet',
    pending: { one: 'Database: {where} answers; {count} migration is not applied yet ({names})', other: 'Database: {where} answers; {count} migrations are not applied yet ({names})' },
    migrateFix: 'Relais applies them at start; or now: npx relais migrate',
    refused: 'Database: {where} — {reason}',
    unreachable: 'Database: {where} does not answer ({reason})',
    unreachableFix: 'check DATABASE_URL (host, port, user, password, database name) and that the server runs',
  },
  platform: {
    crashed: '{platform}: the check failed ({reason})',
  },
  publicUrl: {
    unset: 'Public address: RELAIS_PUBLIC_URL is not set (announcements and digests do not link to the web pages)',
    ok: 'Public address: {url} answers',
    answered: 'Public address: {url} answers {status}',
    unreachable: 'Public address: {url} does not answer ({reason})',
    fix: 'Relais must be running, and the reverse proxy must forward this address to Relais’s PORT',
  },
  wiki: {
    unset: 'Wiki: none (RELAIS_WIKI_API_URL is not set)',
    ok: 'Wiki: connected to {url} as {user}',
  },
};
