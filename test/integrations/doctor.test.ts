/**
 * `relais doctor`'s wiki check against a real MediaWiki: it logs in with the bot password, as a
 * publication would, and says who it is connected as, or which variable to correct.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctor } from '../support/doctor.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { BOT, startWiki, type TestWiki } from './support/mediawiki.ts';

describe('relais doctor and a real MediaWiki', () => {
  let wiki: TestWiki;
  let database: TestDatabase;
  beforeAll(async () => {
    wiki = await startWiki();
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.close();
    await wiki?.stop();
  });

  it('says it is connected with the bot password, and exits 0', async () => {
    const { code, lines } = await doctor({ ...wiki.env, DATABASE_URL: database.url });
    expect(lines.at(-1)).toBe(`✓ Wiki: connected to ${wiki.apiUrl} as ${BOT}`);
    expect(code).toBe(0);
  });

  it('names the variable to correct when the wiki refuses the password, and exits 1', async () => {
    const { code, lines } = await doctor({ ...wiki.env, DATABASE_URL: database.url, RELAIS_WIKI_PASSWORD: 'not-the-bot-password' });
    expect(lines.at(-1)).toMatch(new RegExp(`^✗ The wiki ${wiki.apiUrl.replace(/[.?]/g, '\\$&')} refused to log in RELAIS_WIKI_USER “${BOT}@relais”: check RELAIS_WIKI_PASSWORD`));
    expect(lines.join('\n')).not.toContain('not-the-bot-password');
    expect(code).toBe(1);
  });
});
