// The Atom feeds of new tips and resources — overall, per network, per tag — read back with an
// independent parser (fast-xml-parser), as a feed reader would: what they hold, what they leave
// out, user text kept as text, and the pages that point to them.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/test-database.ts';
import { hostileText, idIn, publicUrl, seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

/** A text construct (<title type="html">, <content type="html">): its text, once the parser is done with the markup around it. */
type Text = { '#text': string; '@_type': string };

interface AtomEntry {
  id: string;
  title: Text;
  updated: string;
  published?: string;
  link: { '@_href': string };
  content: Text;
  author?: { name: string };
  category?: Array<{ '@_term': string }> | { '@_term': string };
}
interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  link: Array<{ '@_rel': string; '@_href': string }>;
  entry?: AtomEntry[] | AtomEntry;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const entriesOf = (feed: AtomFeed) => (feed.entry === undefined ? [] : Array.isArray(feed.entry) ? feed.entry : [feed.entry]);

describe.each(engines)('Atom feeds (%s)', (engine) => {
  let relais: WebRelais;
  let seeded: Seeded;
  let guide: number;
  let restricted: number;

  /** The feed at `path`, checked to be well-formed XML, with the response's content type. */
  async function feed(path: string): Promise<{ type: string | null; feed: AtomFeed }> {
    const response = await fetch(`${relais.base}${path}`);
    expect(response.status, path).toBe(200);
    const xml = await response.text();
    expect(XMLValidator.validate(xml), path).toBe(true);
    return { type: response.headers.get('content-type'), feed: (parser.parse(xml) as { feed: AtomFeed }).feed };
  }

  beforeAll(async () => {
    relais = await startWebRelais(engine);
    seeded = await seed(relais);
    guide = idIn((await relais.run('/resource add https://example.org/guide-cartes.pdf | Guide de la cartographie libre | #outils guide 2025', { channel: 'cartes' }))[0]);
    await relais.running.db.channel.update({ where: { platform_workspace_externalId: { platform: 'console', workspace: 'local', externalId: 'cartes' } }, data: { private: true } });
    restricted = idIn((await relais.run('/tip add Le mot de passe du wifi est affiché au secrétariat #outils', { channel: 'cartes' }))[0]);
  });
  afterAll(() => relais?.close());

  it('holds the newest public tips and resources, each with a stable id and a link to its page', async () => {
    const { type, feed: all } = await feed('/feed.atom');
    expect(type).toBe('application/atom+xml; charset=utf-8');
    expect(all.title).toBe('Relais — nouvelles astuces et ressources');
    expect(all.id).toBe(`${publicUrl}/feed.atom`);
    expect(all.link).toContainEqual({ '@_rel': 'self', '@_href': `${publicUrl}/feed.atom` });
    const entries = entriesOf(all);
    const ids = entries.map((entry) => entry.id);
    expect(ids).toContain(`${publicUrl}/tips/${seeded.tips.umap}`);
    expect(ids).toContain(`${publicUrl}/resources/${guide}`);
    expect(ids).not.toContain(`${publicUrl}/tips/${seeded.tips.hidden}`);
    expect(ids).not.toContain(`${publicUrl}/tips/${restricted}`);
    const umap = entries.find((entry) => entry.id.endsWith(`/tips/${seeded.tips.umap}`))!;
    expect(umap.title).toEqual({ '@_type': 'html', '#text': 'Cartographie libre avec uMap pour les ateliers' });
    expect(umap.link['@_href']).toBe(`${publicUrl}/tips/${seeded.tips.umap}`);
    expect(umap.author?.name).toBe('Bruno Dupont');
    expect([umap.category].flat().map((category) => category?.['@_term'])).toEqual(['Astuce', 'cartes', 'outils']);
    const resource = entries.find((entry) => entry.id.endsWith(`/resources/${guide}`))!;
    expect(resource.content['#text']).toContain('<a href="https://example.org/guide-cartes.pdf">https://example.org/guide-cartes.pdf</a>');
    expect(resource.content['#text']).toContain('guide · Cartes et territoires · 2025');
    // Newest first, and the feed is as recent as its newest entry.
    const published = entries.map((entry) => Date.parse(entry.published!));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    expect(Date.parse(all.updated)).toBe(Math.max(...entries.map((entry) => Date.parse(entry.updated))));
  });

  it('keeps what members wrote as text in the entries’ HTML', async () => {
    const entries = entriesOf((await feed('/feed.atom')).feed);
    const hostile = entries.find((entry) => entry.id.endsWith(`/tips/${seeded.tips.hostile}`))!;
    expect(hostile.content['#text']).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile.content['#text']).not.toMatch(/<(script|img)\b/);
    expect(hostile.title['#text']).toBe('&lt;script&gt;alert(1)&lt;/script&gt; [clic](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt;');
    expect(hostile.author?.name).toBe('Mallory <b>Evil</b>');
    expect(hostile.content['#text'].replace(/<[^>]+>/g, '')).toContain(hostileText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('has a feed per network and per tag, of theirs only', async () => {
    const cartes = entriesOf((await feed('/networks/cartes/feed.atom')).feed).map((entry) => entry.id);
    expect(cartes).toContain(`${publicUrl}/tips/${seeded.tips.umap}`);
    expect(cartes).toContain(`${publicUrl}/resources/${guide}`);
    expect(cartes).not.toContain(`${publicUrl}/tips/${seeded.tips.ent}`);
    const { feed: outils } = await feed('/tags/outils/feed.atom');
    expect(outils.title).toBe('Relais — #outils');
    const tagged = entriesOf(outils).map((entry) => entry.id);
    expect(tagged.sort()).toEqual([`${publicUrl}/resources/${guide}`, `${publicUrl}/tips/${seeded.tips.reunion}`, `${publicUrl}/tips/${seeded.tips.umap}`].sort());
    expect((await fetch(`${relais.base}/networks/inconnu/feed.atom`)).status).toBe(404);
    expect((await fetch(`${relais.base}/tags/%3Cscript%3E/feed.atom`)).status).toBe(404);
  });

  it('is linked from the pages with <link rel="alternate">', async () => {
    const alternates = async (path: string) => {
      const body = await (await fetch(`${relais.base}${path}`)).text();
      return [...body.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)">/g)].map((match) => match[2]);
    };
    expect(await alternates('/')).toEqual(['/feed.atom']);
    expect(await alternates('/tips')).toEqual(['/feed.atom']);
    expect(await alternates('/tips?tag=outils')).toEqual(['/tags/outils/feed.atom', '/feed.atom']);
    expect(await alternates('/networks/cartes')).toEqual(['/networks/cartes/feed.atom', '/feed.atom']);
    expect(await alternates('/resources')).toEqual(['/feed.atom']);
    expect(await alternates(`/tips/${seeded.tips.umap}`)).toEqual(['/feed.atom']);
  });
});
