// Resources (guides, studies, reports, links) as members share and find them, on both engines:
// /resource and its French alias /ressource, http(s) links only, kinds, years, networks, tags,
// search by word forms, edits by who shared them or moderators, their web pages and digests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const bob = { user: '@bob:example.org' };
const idIn = (reply: string | undefined) => Number(/n°(\d+)/.exec(reply ?? '')?.[1]);

describe.each(engines)('resources on %s', (engine) => {
  let h: Harness;
  let guide: number;
  const web = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${h.relais.httpPort}${path}`);
    return { status: response.status, body: await response.text() };
  };

  beforeAll(async () => {
    h = await createHarness(engine);
    await h.run('/relais network creatif CRéATIF', admin);
    await h.run('/relais network oten OTeN', { ...admin, channel: '!oten:example.org' });
    guide = idIn((await h.run('/resource add https://example.org/guide.pdf | Guide TIC et ruralité | #ruralité'))[0]);
  });
  afterAll(() => h.close());

  it('shares a resource as a link of the channel’s network, and says how to give its kind', async () => {
    const resource = await h.db.resource.findUniqueOrThrow({ where: { id: guide }, include: { tags: true, network: true } });
    expect(resource).toMatchObject({ url: 'https://example.org/guide.pdf', title: 'Guide TIC et ruralité', kind: 'link', year: null, language: 'fr' });
    expect(resource.network?.slug).toBe('creatif');
    expect(resource.tags.map(({ tag, label }) => ({ tag, label }))).toEqual([{ tag: 'ruralite', label: 'ruralité' }]);
    const [reply] = await h.run('/ressource add https://oten.example.org/etude-2024 | Étude sur les tiers-lieux | #tiers-lieux étude 2024 réseau:oten', bob);
    expect(reply).toMatch(/^Ressource n°\d+ partagée \(étude\)\. Pour changer son type : \/resource edit \d+ type guide$/);
    const study = await h.db.resource.findFirstOrThrow({ where: { title: 'Étude sur les tiers-lieux' }, include: { network: true } });
    expect(study).toMatchObject({ kind: 'study', year: 2024 });
    expect(study.network?.slug).toBe('oten');
  });

  it('accepts http(s) addresses only, and refuses what it cannot read rather than guess', async () => {
    const before = await h.db.resource.count();
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'data:text/html,<b>x</b>', 'example.org/sans-protocole', 'https://']) {
      expect((await h.run(`/resource add ${url} | Un titre correct`))[0], url).toContain('n’est pas une adresse web');
    }
    expect((await h.run('/resource add https://example.org/x | Un titre | #ok blabla'))[0]).toContain('« blabla » n’est ni une #étiquette');
    expect((await h.run('/resource add https://example.org/x | Un titre | 3024'))[0]).toContain('« 3024 » n’est pas une année');
    expect((await h.run('/resource add https://example.org/x | Un titre | réseau:inconnu'))[0]).toContain('Réseau « inconnu » introuvable');
    expect((await h.run('/resource add https://example.org/x'))[0]).toContain('Il manque : titre');
    expect(await h.db.resource.count()).toBe(before);
  });

  it('lists, filters and finds resources by word forms, accents ignored', async () => {
    expect((await h.run('/resource list'))[0]).toMatch(/Dernières ressources\n• #\d+ Étude sur les tiers-lieux <https:\/\/oten\.example\.org\/etude-2024> — Étude · OTeN · 2024\n• #1 Guide TIC et ruralité <https:\/\/example\.org\/guide\.pdf> — Lien · CRéATIF/);
    expect((await h.run('/resource list étude'))[0]).not.toContain('Guide TIC');
    expect((await h.run('/resource list #ruralite'))[0]).toContain('Ressources : #ruralité');
    expect((await h.run('/resource list nimportequoi'))[0]).toContain('une #étiquette ou un type');
    expect((await h.run('/resource search rural'))[0]).toContain('Guide TIC et ruralité');
    expect((await h.run('/resource search RURALITE guide'))[0]).toContain('Guide TIC et ruralité');
    expect((await h.run('/resource search etudes'))[0]).toContain('Étude sur les tiers-lieux');
    expect((await h.run('/resource search oten'))[0]).toContain('Étude sur les tiers-lieux');
    expect((await h.run('/resource search introuvable'))[0]).toContain('Aucune ressource ne correspond à « introuvable »');
  });

  it('shows a resource with its address as such', async () => {
    const [shown] = await h.run(`/resource show ${guide}`);
    expect(shown).toContain(`📚 Ressource n°${guide} — Guide TIC et ruralité`);
    expect(shown).toContain('Adresse : https://example.org/guide.pdf');
    expect(shown).toContain('Type : Lien');
    expect(shown).toContain('Partagée par : alice');
    expect((await h.run('/resource show 999'))[0]).toContain('Ressource n°999 introuvable');
  });

  it('lets who shared it or a moderator edit and delete it', async () => {
    expect((await h.run(`/resource edit ${guide} type guide`, bob))[0]).toContain('Seul·e l’auteur·rice');
    expect((await h.run(`/resource edit ${guide} type guide`))[0]).toBe(`Ressource n°${guide} modifiée.`);
    expect((await h.run(`/resource edit ${guide} année 2023`))[0]).toBe(`Ressource n°${guide} modifiée.`);
    expect((await h.run(`/resource edit ${guide} tags #ruralité #numérique`))[0]).toBe(`Ressource n°${guide} modifiée.`);
    expect((await h.run(`/resource edit ${guide} url javascript:alert(1)`))[0]).toContain('n’est pas une adresse web');
    expect((await h.run(`/resource edit ${guide} couleur bleue`))[0]).toContain('url, titre, type, année, réseau ou tags');
    expect(await h.db.resource.findUniqueOrThrow({ where: { id: guide } })).toMatchObject({ kind: 'guide', year: 2023, url: 'https://example.org/guide.pdf' });
    const extra = idIn((await h.run('/resource add https://example.org/brouillon | Brouillon à effacer', bob))[0]);
    expect((await h.run(`/resource delete ${extra}`))[0]).toContain('Seul·e l’auteur·rice');
    expect((await h.run(`/resource delete ${extra}`, admin))[0]).toBe(`Ressource n°${extra} supprimée.`);
    expect(await h.db.resource.findUnique({ where: { id: extra } })).toBeNull();
  });

  it('has its web pages: the list on /resources, each on /resources/<id>, its address shown as a link', async () => {
    const list = await web('/resources');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`<a href="/resources/${guide}" lang="fr">Guide TIC et ruralité</a> <span class="badge badge-resource">Guide</span>`);
    expect(list.body).toContain('<a class="resource-url" href="https://example.org/guide.pdf" rel="nofollow ugc noopener">https://example.org/guide.pdf</a>');
    expect((await web('/resources?kind=study')).body).not.toContain('Guide TIC');
    expect((await web('/resources?q=ruralite')).body).toContain('Guide TIC et ruralité');
    const one = await web(`/resources/${guide}`);
    expect(one.body).toContain('<title>Guide TIC et ruralité — Relais</title>');
    expect(one.body).toContain('<a href="/resources?tag=numerique">#numérique</a>');
    expect((await web('/resources/999')).status).toBe(404);
    // A search of the tips shows the resources it finds too.
    expect((await web('/tips?q=ruralit%C3%A9')).body).toContain('Ressources correspondantes');
  });

  it('appears in the digest of its network', async () => {
    h.clock.advance(60_000);
    const [preview] = await h.run('/summary preview');
    expect(preview).toContain('📚 Nouvelles ressources — #1 Guide TIC et ruralité <https://example.org/guide.pdf> — Guide · CRéATIF · 2023');
    expect(preview).not.toContain('tiers-lieux');
  });
});
