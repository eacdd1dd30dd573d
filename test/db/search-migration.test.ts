// The stemming migration on a database holding tips from before it: tags get a label, tips their
// channel's language, and opening the database re-indexes them so stemmed search finds them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { engineOf } from '../../src/db/engine.ts';
import { migrationsDirOf } from '../../src/db/migration-files.ts';
import { migrateToLatest } from '../../src/db/migrations.ts';
import { reindexStaleTips, SEARCH_VERSION } from '../../src/domain/tips/search-index.ts';
import { searchTips } from '../../src/domain/tips/service.ts';
import { emptyDatabase, engines } from '../support/test-database.ts';

const STEMMING = '20261201085443_tip_search_stems_and_tag_labels';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A database migrated up to, not including, the stemming migration. */
async function beforeStemming(engine: (typeof engines)[number]): Promise<string> {
  const { url, drop } = await emptyDatabase(engine, { create: true });
  cleanups.push(drop);
  const committed = migrationsDirOf(engineOf(url));
  const older = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-before-stemming-'));
  cleanups.push(async () => fs.rmSync(older, { recursive: true, force: true }));
  fs.cpSync(committed, older, { recursive: true });
  for (const name of fs.readdirSync(older)) if (name >= STEMMING && fs.statSync(path.join(older, name)).isDirectory()) fs.rmSync(path.join(older, name), { recursive: true });
  await migrateToLatest(url, { migrationsDir: older });
  return url;
}

describe.each(engines)('the stemming migration on existing tips (%s)', (engine) => {
  it('labels tags, sets languages and re-indexes tips so that word forms find them', async () => {
    const url = await beforeStemming(engine);
    const { db, close } = await openDatabase(url, { migrate: false });
    try {
      // Rows as the previous version wrote them: folded search text, folded tags.
      await db.$executeRawUnsafe(`INSERT INTO "Member" ("id", "platform", "workspace", "externalId", "displayName") VALUES (1, 'console', 'local', 'ana', 'Ana')`);
      await db.$executeRawUnsafe(`INSERT INTO "Channel" ("id", "platform", "workspace", "externalId", "locale") VALUES (1, 'console', 'local', 'fr', 'fr'), (2, 'console', 'local', 'en', 'en')`);
      const now = engine === 'sqlite' ? `'2026-11-30T09:00:00.000+00:00'` : `now()`;
      await db.$executeRawUnsafe(`INSERT INTO "Tip" ("id", "title", "text", "searchText", "authorId", "channelId", "updatedAt") VALUES
        (1, 'Les fiches partagées', 'Les fiches partagées #Délibérations', 'les fiches partagees #deliberations deliberations ana', 1, 1, ${now}),
        (2, 'Public libraries', 'Public libraries lend laptops', 'public libraries lend laptops ana', 1, 2, ${now}),
        (3, 'Sans salon', 'Des réunions sans salon', 'des reunions sans salon ana', 1, NULL, ${now})`);
      await db.$executeRawUnsafe(`INSERT INTO "TipTag" ("tipId", "tag") VALUES (1, 'deliberations')`);
    } finally {
      await close();
    }

    await migrateToLatest(url);
    const { db: migrated, close: closeMigrated } = await openDatabase(url);
    try {
      // What buildRelais does after migrating: SQL cannot stem.
      expect(await reindexStaleTips(migrated)).toBe(3);
      expect(await migrated.tipTag.findMany({ select: { tag: true, label: true } })).toEqual([{ tag: 'deliberations', label: 'deliberations' }]);
      const tips = await migrated.tip.findMany({ orderBy: { id: 'asc' }, select: { language: true, searchVersion: true } });
      expect(tips).toEqual([
        { language: 'fr', searchVersion: SEARCH_VERSION },
        { language: 'en', searchVersion: SEARCH_VERSION },
        { language: null, searchVersion: SEARCH_VERSION },
      ]);
      const found = async (query: string) => (await searchTips(migrated, engine, query, { limit: 10 })).map((tip) => tip.id);
      expect(await found('partager')).toEqual([1]);
      expect(await found('library')).toEqual([2]);
      expect(await found('réunion')).toEqual([3]);
    } finally {
      await closeMigrated();
    }
  });
});
