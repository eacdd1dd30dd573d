// Tips saved in private channels stay within their network — in chat, and out of every public
// place (web pages, feeds, exports, the wiki, public channels' digests) until a moderator
// publishes them; authors of messages someone else saved are told, and can withdraw them; hidden
// tips are purged. Both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';
import { purgeExpired } from '../../src/domain/privacy/retention.ts';
import { loadWikiSource } from '../../src/publish/mediawiki/pages.ts';
import { jsonExport } from '../../src/web/export/json.ts';
import { loadKnowledgeBase } from '../../src/web/export/knowledge-base.ts';
import { createHarness, type Harness, type Speaker } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const privateRoom: Partial<Speaker> = { channel: '!prive:example.org', private: true };
const publicRoom: Partial<Speaker> = { channel: '!ouvert:example.org', private: false };
const elsewhere: Partial<Speaker> = { channel: '!sud:example.org', private: false };
const DAY = 86_400_000;
const idIn = (reply: string | undefined) => Number(/n°(\d+)/.exec(reply ?? '')?.[1]);

describe.each(engines)('private channels and authors on %s', (engine) => {
  let h: Harness;
  let secret: number;
  const web = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${h.relais.httpPort}${path}`);
    return { status: response.status, body: await response.text() };
  };
  /** Every public place a tip could show up, as text. */
  const everywherePublic = async () => {
    const [search, list, feed] = await Promise.all([web('/tips?q=porte'), web('/tips'), web('/feed.atom')]);
    const exported = JSON.stringify(jsonExport(await loadKnowledgeBase(h.db), h.clock.now()));
    const wiki = JSON.stringify((await loadWikiSource(h.db)).tips.map((tip) => tip.text));
    return [search.body, list.body, feed.body, exported, wiki];
  };

  beforeAll(async () => {
    h = await createHarness(engine);
    await h.run('/relais network nord Réseau Nord', { ...admin, ...privateRoom });
    await h.run('/relais network nord', { ...admin, ...publicRoom });
    await h.run('/relais network sud Réseau Sud', { ...admin, ...elsewhere });
    secret = idIn((await h.run('/tip add Le code de la porte du local associatif est au bureau #acces', privateRoom))[0]);
  });
  afterAll(() => h.close());

  it('records the channel as private and the tip saved there as restricted', async () => {
    expect((await h.db.channel.findFirstOrThrow({ where: { externalId: privateRoom.channel } })).private).toBe(true);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: secret } })).restricted).toBe(true);
  });

  it('shows it in its network’s channels only', async () => {
    expect((await h.run('/tip search porte', publicRoom))[0]).toContain(`#${secret} Le code de la porte`);
    const [shown] = await h.run(`/tip show ${secret}`, publicRoom);
    expect(shown).toContain('Enregistrée dans un salon privé : visible seulement dans son réseau');
    expect(shown).toContain(`/tip publish ${secret}`);
    expect((await h.run('/tip search porte', elsewhere))[0]).toContain('Aucune astuce ne correspond');
    expect((await h.run(`/tip show ${secret}`, elsewhere))[0]).toContain(`Astuce n°${secret} introuvable`);
    expect((await h.run('/tip list #acces', elsewhere))[0]).toContain('Aucune astuce');
    expect((await h.run(`/tip vote ${secret}`, { ...elsewhere, user: '@bob:example.org' }))[0]).toContain('introuvable');
  });

  it('keeps it off the web pages, the feeds, the exports, the wiki and public channels’ digests', async () => {
    expect((await web(`/tips/${secret}`)).status).toBe(404);
    for (const place of await everywherePublic()) expect(place).not.toContain('porte du local');
    h.clock.advance(60_000);
    expect((await h.run('/summary preview', publicRoom))[0]).not.toContain('porte du local');
    expect((await h.run('/summary preview', privateRoom))[0]).toContain('Le code de la porte du local');
  });

  it('is published by a moderator of its network, and then shows everywhere', async () => {
    expect((await h.run(`/tip publish ${secret}`, { ...publicRoom, user: '@bob:example.org' }))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.run(`/tip publish ${secret}`, { ...admin, ...privateRoom }))[0]).toBe(`Astuce n°${secret} publiée : les pages web, les exports et le wiki la montrent désormais.`);
    expect((await h.run(`/tip publish ${secret}`, { ...admin, ...privateRoom }))[0]).toContain('déjà publique');
    expect((await web(`/tips/${secret}`)).status).toBe(200);
    for (const place of await everywherePublic()) expect(place).toContain('porte du local');
    expect((await h.run('/tip search porte', elsewhere))[0]).toContain(`#${secret}`);
  });

  it('tells the author of a message someone else saved, privately, who saved it and how to withdraw it', async () => {
    const message = { messageId: 'said-1', text: 'La photocopieuse du 2e étage fait du recto-verso #impression', author: { platform: 'memory', workspace: 'example.org', externalId: '@bob:example.org', displayName: 'bob' }, permalink: 'memory://said-1' };
    h.adapter.messages.set(message.messageId, message);
    const before = h.adapter.of('direct').length;
    const { replies } = await h.gesture({ kind: 'reaction', emoji: '💡', added: true, messageId: message.messageId }, privateRoom);
    const id = idIn(replies[0]);
    expect(replies[0]).toBe(`Message de bob enregistré comme astuce n°${id}.`);
    const told = h.adapter.of('direct').slice(before);
    expect(told.map((sent) => sent.target)).toEqual(['@bob:example.org']);
    const notice = plainText(told[0]!.card!);
    expect(notice).toContain(`Votre message dans un salon a été enregistré comme astuce n°${id} par alice.`);
    expect(notice).toContain('Ce salon est privé : l’astuce reste visible seulement dans son réseau');
    expect(notice).toContain(`Pour la retirer : /tip withdraw ${id}`);
    expect(notice).toContain('votre message <memory://said-1>');

    expect((await h.run(`/tip withdraw ${id}`, { ...privateRoom, user: '@carol:example.org' }))[0]).toContain('Seul·e l’auteur·rice');
    expect((await h.run(`/tip withdraw ${id}`, { ...privateRoom, user: '@bob:example.org' }))[0]).toBe(`Astuce n°${id} retirée.`);
    expect((await h.run(`/tip show ${id}`, privateRoom))[0]).toContain('introuvable');
  });

  it('tells nobody when people save their own message', async () => {
    const message = { messageId: 'said-2', text: 'Ma propre astuce sur les badges', author: { platform: 'memory', workspace: 'example.org', externalId: '@alice:example.org', displayName: 'alice' } };
    h.adapter.messages.set(message.messageId, message);
    const before = h.adapter.of('direct').length;
    await h.gesture({ kind: 'capture', message }, publicRoom);
    expect(h.adapter.of('direct').length).toBe(before);
  });

  it('purges hidden tips after RELAIS_TIP_PURGE_DAYS, with their tags and votes', async () => {
    const gone = idIn((await h.run('/tip add Une astuce bientôt effacée #temporaire', publicRoom))[0]);
    await h.run(`/tip vote ${gone}`, { ...publicRoom, user: '@bob:example.org' });
    await h.run(`/tip delete ${gone}`, publicRoom);
    const hidden = await h.db.tip.findUniqueOrThrow({ where: { id: gone } });
    expect(hidden).toMatchObject({ status: 'hidden', hiddenAt: h.clock.now() });
    expect((await purgeExpired(h.db, new Date(h.clock.now().getTime() + 29 * DAY), { rsvpDays: 0, tipDays: 30 })).tips).toBe(0);
    expect((await purgeExpired(h.db, new Date(h.clock.now().getTime() + 31 * DAY), { rsvpDays: 0, tipDays: 0 })).tips).toBe(0);
    const purged = await purgeExpired(h.db, new Date(h.clock.now().getTime() + 31 * DAY), { rsvpDays: 0, tipDays: 30 });
    expect(purged.tips).toBeGreaterThanOrEqual(1);
    expect(await h.db.tip.findUnique({ where: { id: gone } })).toBeNull();
    expect(await h.db.tipTag.count({ where: { tipId: gone } })).toBe(0);
    expect(await h.db.tipVote.count({ where: { tipId: gone } })).toBe(0);
    expect((await h.run('/tip search effacée', publicRoom))[0]).toContain('Aucune astuce ne correspond');
  });
});
