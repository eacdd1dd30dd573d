import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadFullConfig as loadConfig } from '../../src/main.ts';
import { wikiSettings } from '../../src/publish/mediawiki/config.ts';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};

describe('the wiki settings', () => {
  it('are off by default, with the default prefix', () => {
    const config = loadConfig({});
    expect([config.RELAIS_WIKI_SCHEDULE, config.RELAIS_WIKI_PREFIX]).toEqual(['off', 'Relais/']);
    expect(wikiSettings(config)).toBeUndefined();
  });

  it('go together, and every problem is listed at once with the others', () => {
    expect(problems({ RELAIS_WIKI_API_URL: 'not a url', RELAIS_WIKI_SCHEDULE: 'hourly', RELAIS_WIKI_PREFIX: 'Relais[', PORT: 'eighty' })).toEqual([
      'PORT: Invalid input: expected number, received NaN',
      'RELAIS_WIKI_API_URL: Invalid URL',
      'RELAIS_WIKI_API_URL: must be the address of the wiki’s api.php, e.g. https://wiki.example.org/w/api.php',
      'RELAIS_WIKI_PREFIX: must not contain # < > [ ] | { } or line breaks (MediaWiki refuses them in titles)',
      'RELAIS_WIKI_SCHEDULE: Invalid option: expected one of "daily"|"weekly"|"off"',
      'RELAIS_WIKI_USER: is required to publish to the wiki',
      'RELAIS_WIKI_PASSWORD: is required to publish to the wiki',
    ]);
    expect(problems({ RELAIS_WIKI_SCHEDULE: 'daily' })).toEqual(['RELAIS_WIKI_API_URL: is required by RELAIS_WIKI_SCHEDULE']);
    expect(problems({ RELAIS_WIKI_API_URL: 'https://wiki.example.org/w/api.php', RELAIS_WIKI_USER: 'RelaisBot', RELAIS_WIKI_PASSWORD: 'x' })).toEqual([
      'RELAIS_WIKI_USER: must be a bot password user name, User@botname (Special:BotPasswords)',
    ]);
  });

  it('give the wiki to publish to when complete', () => {
    const config = loadConfig({ RELAIS_WIKI_API_URL: 'https://wiki.example.org/w/api.php', RELAIS_WIKI_USER: 'RelaisBot@relais', RELAIS_WIKI_PASSWORD: 'secret', RELAIS_WIKI_LICENSE: '{{CC-BY-SA}}' });
    expect(wikiSettings(config)).toEqual({ apiUrl: 'https://wiki.example.org/w/api.php', user: 'RelaisBot@relais', password: 'secret', prefix: 'Relais/', license: '{{CC-BY-SA}}' });
  });
});
