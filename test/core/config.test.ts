import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadFullConfig as loadConfig } from '../../src/main.ts';

describe('configuration', () => {
  it('starts on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('file:./data/relais.db');
    expect([config.RELAIS_LOCALE, config.RELAIS_TIMEZONE, config.PORT]).toEqual(['fr', 'Europe/Paris', 3000]);
    expect(config.RELAIS_REMINDER_OFFSETS).toEqual([1440, 60]);
  });

  it('lists every problem in one message', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', RELAIS_TIMEZONE: 'Mars/Olympus', PORT: 'eighty', SLACK_SIGNING_SECRET: 's', MATRIX_ACCESS_TOKEN: 't', RELAIS_ADMINS: 'bob' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['DATABASE_URL', 'RELAIS_TIMEZONE', 'PORT', 'SLACK_BOT_TOKEN', 'MATRIX_HOMESERVER_URL', 'RELAIS_ADMINS']) expect(message).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(6);
  });

  it('accepts Socket Mode without a signing secret', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).not.toThrow();
  });
});
