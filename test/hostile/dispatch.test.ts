/**
 * Whole command lines through the registry on a real SQLite database, as members and as an admin:
 * every answer is a readable card, and no line, however hostile, reaches "unexpected error".
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { hostileText, hugeText } from './corpus.ts';

const admin = '@admin:example.org';
const internal = [translate('fr', 'errors.internal'), translate('en', 'errors.internal')];

describe('full dispatch of hostile lines', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
    await h.run('/relais network nord Réseau Nord', { user: admin });
    await h.run('/meetup create Atelier | jeudi 18h30 | Mairie | capacité 2 | publier', { user: admin });
    await h.run('/tip add Le calendrier partagé évite les doublons #outils', { user: admin });
  });
  afterAll(() => h?.close());

  const names = ['tip', 'meetup', 'summary', 'relais', 'nope', ''];
  const line = fc.record({
    command: fc.constantFrom(...names),
    sub: fc.oneof(fc.constantFrom('add', 'search', 'list', 'show', 'edit', 'delete', 'vote', 'create', 'rsvp', 'cancel', 'announce', 'config', 'network', 'role', 'my-data', 'forget-me', 'help', 'now', 'preview'), fc.constant('')),
    rest: hostileText,
    user: fc.constantFrom(admin, '@bob:example.org'),
    moderator: fc.boolean(),
  });

  it('answers every line with a readable card, never an unexpected error', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(line, async ({ command, sub, rest, user, moderator }) => {
        const { replies } = await h.gesture({ kind: 'command', command, text: `${sub} ${rest}` }, { user, moderator });
        expect(replies.length).toBeGreaterThan(0);
        for (const text of replies) {
          expect(text.trim()).not.toBe('');
          expect(internal).not.toContain(text.split('\n')[0]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it.each([['/tip add'], ['/tip search'], ['/meetup create'], ['/relais role grant organizer'], ['/summary config time']])('%s with 100 KB of mentions and markup', async (prefix) => {
    const [reply] = await h.run(`${prefix} ${hugeText}`, { user: admin });
    expect(reply!.length).toBeLessThan(10_000);
    expect(reply).toMatch(/trop long|n’est pas valide|Trop d’arguments|introuvable/);
  });
});
