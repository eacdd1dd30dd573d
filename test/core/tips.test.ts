import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

describe.each(engines)('tips on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
    await h.run('/tip add Réunion mensuelle : utilisez le calendrier partagé #outils #Réunions');
    await h.run('/tip add Use the shared calendar for meetups #outils', { user: '@bob:example.org' });
    await h.run('/tip Mutualiser les licences logicielles entre communes #achats', { user: '@carol:example.org' });
  });
  afterAll(() => h.close());

  it('answers help for /tip help and /tip aide, and saves no tip named after them', async () => {
    const before = await h.db.tip.count();
    for (const line of ['/tip help', '/tip aide', '/tip Help']) expect((await h.run(line))[0]).toContain('Aide de /tip');
    expect(await h.db.tip.count()).toBe(before);
  });

  it('saves a tip, with its #hashtags as tags, shown as written and kept folded', async () => {
    const [reply] = await h.run('/tip add Un guide RGPD pour les mairies #RGPD #Guides');
    expect(reply).toMatch(/Astuce n°4 enregistrée\. Étiquettes : #Guides #RGPD/);
    const tags = await h.db.tipTag.findMany({ where: { tipId: 4 }, orderBy: { tag: 'asc' } });
    expect(tags.map((t) => t.tag)).toEqual(['guides', 'rgpd']);
  });

  it('finds tips whatever the accents, by word prefix and plural, ranked', async () => {
    const [accentless] = await h.run('/tip search reunions');
    expect(accentless).toContain('#1');
    expect(accentless).not.toContain('#2');
    const [both] = await h.run('/tip search calendrier');
    expect(both).toContain('#1');
    const [english] = await h.run('/tip search calendars');
    expect(english).toContain('#2');
    const [byAuthor] = await h.run('/tip search carol');
    expect(byAuthor).toContain('#3');
  });

  it('lists tips having the word itself before tips where it only starts a longer word', async () => {
    await h.run('/tip add Outillage : la boîte à outillage, l’outillage du guichet');
    await h.run('/tip add Un outil de sondage');
    const [reply] = await h.run('/tip search outil');
    expect(reply).toContain('Outillage : la boîte');
    expect(reply!.indexOf('Un outil de sondage')).toBeLessThan(reply!.indexOf('Outillage : la boîte'));
  });

  it('treats search syntax typed by users as words, not operators', async () => {
    const [reply] = await h.run('/tip search "calendrier"* ( ) -- \' ; ^:');
    expect(reply).toContain('#1');
    const [none] = await h.run('/tip search zzzz');
    expect(none).toContain('Aucune astuce ne correspond à « zzzz »');
  });

  it('lists by tag and ranks by votes', async () => {
    const [outils] = await h.run('/tip list #outils');
    expect(outils).toContain('#1');
    expect(outils).toContain('#2');
    expect(outils).not.toContain('#3');
    await h.run('/tip vote 3', { user: '@dan:example.org' });
    await h.run('/tip vote 3', { user: '@erin:example.org' });
    const [again] = await h.run('/tip vote 3', { user: '@erin:example.org' });
    expect(again).toContain('déjà voté');
    const [top] = await h.run('/tip top');
    expect(top?.split('\n')[1]).toMatch(/^• #3 .* · 2 votes$/);
  });

  it('shows one tip with author, network and votes', async () => {
    const [shown] = await h.run('/tip show 3');
    expect(shown).toContain('Mutualiser les licences logicielles');
    expect(shown).toContain('Auteur·rice : carol');
    expect(shown).toContain('Votes : 2');
  });

  it('writes fields with each language’s typography: “Auteur·rice : ” in French, “Author: ” in English', async () => {
    const english = { channel: '!english:example.org' };
    await h.run('/summary config locale en', { ...english, user: '@admin:example.org' });
    const [shown] = await h.run('/tip show 3', english);
    expect(shown).toContain('Author: carol');
    expect(shown).toContain('Votes: 2');
    expect(shown).not.toMatch(/ :/);
  });

  it('lets only the author, a moderator of its network or an admin edit or delete', async () => {
    const [refused] = await h.run('/tip edit 1 Texte remplacé par un autre', { user: '@mallory:example.org' });
    expect(refused).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice');
    const [edited] = await h.run('/tip edit 1 Réunion trimestrielle : calendrier partagé #agenda');
    expect(edited).toContain('Astuce n°1 modifiée');
    const [byNewTag] = await h.run('/tip list #agenda');
    expect(byNewTag).toContain('#1');
    // A room moderator on the platform moderates no tips; an administrator does.
    expect((await h.run('/tip delete 2', { user: '@mod:example.org', moderator: true }))[0]).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice');
    const [byAdmin] = await h.run('/tip delete 2', { user: '@admin:example.org' });
    expect(byAdmin).toContain('Astuce n°2 retirée');
    const [gone] = await h.run('/tip show 2');
    expect(gone).toContain('Astuce n°2 introuvable');
    const [notInSearch] = await h.run('/tip search calendar');
    expect(notInSearch).not.toContain('#2');
  });
});
