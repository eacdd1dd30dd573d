/**
 * What platforms let through that no person means: NUL and other control characters in a command
 * (PostgreSQL refuses NUL in text), and button values that are not ids (a forged or truncated
 * payload). Each gets an answer a person can read, on both engines; nothing is stored half-way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const internal = translate('fr', 'errors.internal');

describe.each(engines)('input hygiene (%s)', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
  });
  afterAll(() => h?.close());

  it('saves a tip typed with NUL, escape and other control characters, without them', async () => {
    const [reply] = await h.run('/tip add Le calendrier\u0000 partagé\u001b[31m évite\u0007 les doublons\u0085 #outils');
    expect(reply).toMatch(/^Astuce n°\d+ enregistrée/);
    const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(tip.text).toBe('Le calendrier partagé[31m évite les doublons #outils');
  });

  it('answers a search made only of control characters with what is missing, not an error', async () => {
    const [reply] = await h.run('/tip search \u0000\u0001\u001f');
    expect(reply).toMatch(/^Il manque : recherche/);
  });

  it.each(['abc', '1e400', '-1', '0', '', '1.5', '99999999999999999999', ' 1'])('answers a click whose value is %j with "not found" or the usage, and changes nothing', async (value) => {
    const before = [await h.db.rsvp.count(), await h.db.tipVote.count()];
    for (const actionId of ['meetup.rsvp.going', 'tip.vote']) {
      const replies = await h.click({ actionId, value, label: 'Participer' }, { user: '@bob:example.org' });
      expect(replies, `${actionId} ${JSON.stringify(value)}`).toHaveLength(1);
      expect(replies[0]).not.toBe(internal);
      expect(replies[0]).toMatch(/introuvable|n’est pas valide|n’existe/);
    }
    expect([await h.db.rsvp.count(), await h.db.tipVote.count()]).toEqual(before);
  });

  it('answers commands naming a malformed number with the usage, not a guess', async () => {
    for (const line of ['/meetup rsvp 1e400 oui', '/tip vote abc', '/tip show 0x10', '/meetup show -3']) {
      const [reply] = await h.run(line);
      expect(reply, line).not.toBe(internal);
      expect(reply, line).toMatch(/n’est pas valide|introuvable|Usage/);
    }
  });
});
