/**
 * The benchmark data set: 6 partner networks, 1,000 channels, 20,000 members, 100,000 tips (with
 * tags and votes), 10,000 meetups (announced) and 500,000 RSVPs, written with bulk inserts in
 * transactions straight through the driver (better-sqlite3 / pg), so generation takes seconds.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { sqliteFile, type Engine } from '../src/db/engine.ts';
import { fold } from '../src/domain/text.ts';
import { searchFields } from '../src/domain/tips/search-index.ts';
import { seeded } from './random.ts';

export const DATA_NOW = new Date('2026-11-30T09:00:00Z');
export const SIZES = { networks: 6, channels: 1000, members: 20_000, tips: 100_000, meetups: 10_000, rsvpsPerMeetup: 50 } as const;

const DAY = 86_400_000;
const base = ['réunion', 'calendrier', 'partagé', 'outil', 'visio', 'agenda', 'mairie', 'école', 'numérique', 'territoire', 'cartographie', 'atelier',
  'formation', 'messagerie', 'sauvegarde', 'mot de passe', 'tableur', 'archivage', 'accessibilité', 'usager', 'démarche', 'formulaire', 'signature',
  'courriel', 'imprimante', 'réseau', 'wifi', 'fibre', 'tiers-lieu', 'médiation', 'bibliothèque', 'données', 'open data', 'logiciel', 'libre',
  'sécurité', 'hameçonnage', 'télétravail', 'collectivité', 'département', 'région', 'préfecture', 'guichet', 'inclusion', 'citoyen', 'budget'];
const syllables = ['ba', 'co', 'di', 'fu', 'ga', 'lo', 'mi', 'nu', 'pa', 're', 'si', 'to', 'va', 'zé', 'ran', 'tin', 'mon', 'pel', 'gor', 'lis'];
/** As written: stored folded in TipTag.tag, as written in TipTag.label. */
export const TAGS = ['outils', 'visio', 'écoles', 'cartes', 'sécurité', 'données', 'inclusion', 'formation', 'réunions', 'libre', 'accessibilité', 'RGPD'];

/** ~3,000 words: real ones first (frequent), then made-up ones (rare), as in a real knowledge base. */
export function vocabulary(): string[] {
  const random = seeded(7);
  const words = new Set(base.flatMap((word) => word.split(' ')));
  while (words.size < 3000) words.add(Array.from({ length: random.int(2, 4) }, () => random.pick(syllables)).join(''));
  return [...words];
}

const iso = (date: Date, engine: Engine) => (engine === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date.toISOString());

interface Writer {
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  finish(): Promise<void>;
}

function sqliteWriter(url: string): Writer {
  const db = new Database(sqliteFile(url));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  return {
    async insert(table, columns, rows) {
      const statement = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      db.transaction(() => {
        for (const row of rows) statement.run(row.map((value) => (typeof value === 'boolean' ? Number(value) : value)));
      })();
    },
    async finish() {
      db.exec('ANALYZE');
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = new Set<string>();
  return {
    async insert(table, columns, rows) {
      tables.add(table);
      const perStatement = Math.floor(60_000 / columns.length);
      await client.query('BEGIN');
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const values = chunk.map((_row, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, chunk.flat());
      }
      await client.query('COMMIT');
    },
    async finish() {
      // Explicit ids were written: move each sequence past them, then refresh the planner's statistics.
      for (const table of tables) {
        const { rows } = await client.query(`SELECT pg_get_serial_sequence('"${table}"', 'id') AS seq`).catch(() => ({ rows: [] as Array<{ seq: string | null }> }));
        if (rows[0]?.seq) await client.query(`SELECT setval('${rows[0].seq}', (SELECT MAX(id) FROM "${table}"))`);
      }
      await client.query('ANALYZE');
      await client.end();
    },
  };
}

/** Fills a freshly migrated, empty database; returns the row counts written. */
export async function generate(engine: Engine, url: string): Promise<Record<string, number>> {
  const random = seeded(42);
  const words = vocabulary();
  const writer = engine === 'sqlite' ? sqliteWriter(url) : await postgresWriter(url);
  const at = (date: Date) => iso(date, engine);
  const created = at(new Date(DATA_NOW.getTime() - 400 * DAY));
  const counts: Record<string, number> = {};
  const write = async (table: string, columns: string[], rows: unknown[][]) => {
    await writer.insert(table, columns, rows);
    counts[table] = rows.length;
  };

  await write('Network', ['id', 'slug', 'name', 'createdAt'], Array.from({ length: SIZES.networks }, (_, i) => [i + 1, `reseau-${i + 1}`, `Réseau ${i + 1}`, created]));
  const channelNetwork = (channel: number) => (channel % SIZES.networks) + 1;
  // One channel in five speaks English: its tips are stemmed in English.
  const channelLocale = (channel: number) => (channel % 5 === 0 ? 'en' : 'fr');
  await write('Channel', ['id', 'platform', 'workspace', 'externalId', 'name', 'networkId', 'locale', 'isHub', 'digestFrequency', 'createdAt'],
    Array.from({ length: SIZES.channels }, (_, i) => {
      const slack = i % 2 === 0;
      return [i + 1, slack ? 'slack' : 'matrix', slack ? 'T0BENCH' : 'bench.test', slack ? `C${i + 1}` : `!room${i + 1}:bench.test`, `salon-${i + 1}`,
        channelNetwork(i + 1), channelLocale(i + 1), i < 6, 'weekly', created];
    }));
  const names = ['Ana', 'Béa', 'Chloé', 'David', 'Emma', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Karim', 'Léa', 'Malik', 'Nora', 'Olivier', 'Paul'];
  const memberName = (id: number) => `${names[id % names.length]} ${id}`;
  // Each member is a person of their own (none linked), with the same id.
  await write('Person', ['id', 'createdAt'], Array.from({ length: SIZES.members }, (_, i) => [i + 1, created]));
  await write('Member', ['id', 'platform', 'workspace', 'externalId', 'displayName', 'personId', 'createdAt'],
    Array.from({ length: SIZES.members }, (_, i) => [i + 1, i % 2 ? 'matrix' : 'slack', i % 2 ? 'bench.test' : 'T0BENCH', i % 2 ? `@u${i + 1}:bench.test` : `U${i + 1}`, memberName(i + 1), i + 1, created]));

  const tips: unknown[][] = [];
  const tags: unknown[][] = [];
  for (let id = 1; id <= SIZES.tips; id++) {
    const sentence = Array.from({ length: random.int(8, 30) }, () => random.skewed(words)).join(' ');
    const tipTags = [...new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(TAGS)))];
    const title = sentence.split(' ').slice(0, 8).join(' ');
    const text = `${sentence} ${tipTags.map((tag) => `#${tag}`).join(' ')}`.trim();
    const author = random.int(1, SIZES.members);
    const channel = random.int(1, SIZES.channels);
    const when = at(new Date(DATA_NOW.getTime() - random.next() * 365 * DAY));
    const language = channelLocale(channel);
    const { searchText, searchVersion } = searchFields({ title, text, tags: tipTags.map((label) => ({ label })), authorName: memberName(author), language });
    tips.push([id, title, text, searchText, searchVersion, language, author, channel, channelNetwork(channel),
      random.next() < 0.02 ? 'hidden' : 'published', when, when]);
    for (const label of tipTags) tags.push([id, fold(label), label]);
  }
  const votes = new Map<string, unknown[]>();
  const voteCounts = new Map<number, number>();
  while (votes.size < 50_000) {
    const tipId = random.int(1, SIZES.tips);
    const memberId = random.int(1, SIZES.members);
    const key = `${tipId}/${memberId}`;
    if (!votes.has(key)) voteCounts.set(tipId, (voteCounts.get(tipId) ?? 0) + 1);
    votes.set(key, [tipId, memberId, memberId, created]);
  }
  await write('Tip', ['id', 'title', 'text', 'searchText', 'searchVersion', 'language', 'authorId', 'channelId', 'networkId', 'status', 'createdAt', 'updatedAt', 'voteCount'],
    tips.map((tip) => [...tip, voteCounts.get(tip[0] as number) ?? 0]));
  await write('TipTag', ['tipId', 'tag', 'label'], tags);
  await write('TipVote', ['tipId', 'memberId', 'personId', 'createdAt'], [...votes.values()]);

  const meetups: unknown[][] = [];
  const announcements: unknown[][] = [];
  const rsvps: unknown[][] = [];
  const statuses = ['going', 'going', 'going', 'maybe', 'declined'];
  for (let id = 1; id <= SIZES.meetups; id++) {
    const channel = random.int(1, SIZES.channels);
    const startsAt = new Date(DATA_NOW.getTime() + (random.next() * 360 - 300) * DAY);
    const capacity = random.next() < 0.5 ? null : random.int(10, 80);
    meetups.push([id, `Atelier ${random.skewed(words)} ${random.skewed(words)}`, at(startsAt), 'Europe/Paris', capacity, random.int(1, SIZES.members),
      channelNetwork(channel), channel, 'scheduled', created, created]);
    announcements.push([id, id, channel, `bench-${id}`, 0, created, created]);
    const attendees = new Set<number>();
    while (attendees.size < SIZES.rsvpsPerMeetup) attendees.add(random.int(1, SIZES.members));
    let seated = 0;
    for (const memberId of attendees) {
      const status = random.pick(statuses);
      const waitlisted = status === 'going' && capacity !== null && seated >= capacity;
      if (status === 'going' && !waitlisted) seated += 1;
      rsvps.push([rsvps.length + 1, id, memberId, memberId, status, waitlisted, 'reaction', created, created]);
    }
  }
  await write('Meetup', ['id', 'title', 'startsAt', 'timezone', 'capacity', 'organizerId', 'networkId', 'channelId', 'status', 'createdAt', 'updatedAt'], meetups);
  await write('Announcement', ['id', 'meetupId', 'channelId', 'messageId', 'renderedRevision', 'createdAt', 'updatedAt'], announcements);
  await write('Rsvp', ['id', 'meetupId', 'memberId', 'personId', 'status', 'waitlisted', 'source', 'createdAt', 'updatedAt'], rsvps);
  await writer.finish();
  return counts;
}
