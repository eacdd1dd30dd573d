// Tip search as people use it, on both engines: word forms in French and English, accents,
// words being typed, excerpts, tags as written, too many tags, tag merges and hostile queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excerpt } from '../../src/domain/tips/search-excerpt.ts';
import { SEARCH_VERSION, reindexStaleTips } from '../../src/domain/tips/search-index.ts';
import { searchTips } from '../../src/domain/tips/service.ts';
import { mergeTags } from '../../src/domain/tips/tag-merge.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const english = { channel: '!english:example.org' };

/** The tip numbers a /tip search reply lists, in order. */
const listed = (reply: string | undefined) => [...(reply ?? '').matchAll(/^• #(\d+)/gm)].map((match) => Number(match[1]));

describe.each(engines)('tip search on %s', (engine) => {
  let h: Harness;
  const search = async (query: string) => listed((await h.run(`/tip search ${query}`))[0]);
  const hits = (query: string) => searchTips(h.db, h.engine, query, { limit: 10 });

  beforeAll(async () => {
    h = await createHarness(engine);
    // The English channel, as a channel configured in English is registered.
    await h.db.channel.create({ data: { platform: 'matrix', workspace: 'example.org', externalId: english.channel, locale: 'en' } });
    await h.run('/tip add Les fiches partagées sont rangées dans le dossier commun #Délibérations'); // 1
    await h.run('/tip add Compte rendu des réunions du conseil municipal'); // 2
    await h.run('/tip add Public libraries lend laptops to residents', english); // 3
    await h.run('/tip add Record your meetings with the shared recorder', english); // 4
    await h.run('/tip add Une réunion par mois suffit #Accessibility'); // 5
  });
  afterAll(() => h.close());

  it('finds other forms of a word, in French and in English', async () => {
    expect(await search('partager')).toEqual([1]);
    expect(await search('réunion')).toEqual(expect.arrayContaining([2, 5]));
    expect(await search('réunions')).toEqual(expect.arrayContaining([2, 5]));
    expect(await search('library')).toEqual([3]);
    expect(await search('libraries')).toEqual([3]);
    expect(await search('meeting')).toEqual([4]);
    expect(await search('meetings')).toEqual([4]);
  });

  it('ignores accents and case in matching', async () => {
    expect(await search('PARTAGEES')).toEqual([1]);
    expect(await search('reunions conseil')).toEqual([2]);
    expect(await search('délibération')).toEqual([1]);
    expect(await search('deliberations')).toEqual([1]);
  });

  it('matches a word being typed', async () => {
    expect(await search('parta')).toEqual([1]);
    expect(await search('meetin')).toEqual([4]);
    expect(await search('libr')).toEqual([3]);
    expect(await search('rangé dossier comm')).toEqual([1]);
  });

  it('shows an excerpt with the matched words marked', async () => {
    const [hit] = await hits('partager');
    expect(hit?.excerpt).toEqual([
      { text: 'Les fiches ', match: false },
      { text: 'partagées', match: true },
      { text: ' sont rangées dans le dossier commun', match: false },
    ]);
    const [reply] = await h.run('/tip search partager');
    expect(reply).toContain('• #1 Les fiches partagées sont rangées');
  });

  it('keeps tags as written for display and matches them without accents or case', async () => {
    const [shown] = await h.run('/tip show 1');
    expect(shown).toContain('#Délibérations');
    expect(await h.db.tipTag.findMany({ where: { tipId: 1 }, select: { tag: true, label: true } })).toEqual([{ tag: 'deliberations', label: 'Délibérations' }]);
    const [byTag] = await h.run('/tip list #DELIBERATIONS');
    expect(listed(byTag)).toEqual([1]);
  });

  it('refuses more than ten tags with a message, and saves nothing', async () => {
    const before = await h.db.tip.count();
    const tags = Array.from({ length: 11 }, (_, i) => `#sujet${i + 1}`).join(' ');
    const [reply] = await h.run(`/tip add Trop d’étiquettes ici ${tags}`);
    expect(reply).toContain('Trop d’étiquettes : 11, au plus 10.');
    expect(await h.db.tip.count()).toBe(before);
    const [ten] = await h.run(`/tip add Dix étiquettes suffisent ${tags.replace(' #sujet11', '')}`);
    expect(ten).toMatch(/Astuce n°\d+ enregistrée/);
  });

  it('merges a tag into another: tips move, the old tag leads to the new one, new tips use it', async () => {
    const moved = await mergeTags(h.db, 'accessibility', 'Accessibilité');
    expect(moved).toEqual({ into: { tag: 'accessibilite', label: 'Accessibilité' }, tipIds: [5] });
    expect((await h.run('/tip show 5'))[0]).toContain('#Accessibilité');
    expect(listed((await h.run('/tip list #accessibility'))[0])).toEqual([5]);
    expect(listed((await h.run('/tip list #accessibilite'))[0])).toEqual([5]);
    await h.run('/tip add Contrastes des pages web #ACCESSIBILITY', english);
    const { id } = await h.db.tip.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(await h.db.tipTag.findMany({ where: { tipId: id }, select: { tag: true, label: true } })).toEqual([{ tag: 'accessibilite', label: 'Accessibilité' }]);
    expect(await search('accessibilité')).toEqual(expect.arrayContaining([5, id]));
    // A merged tag cannot be merged back into itself; the target stops being an alias instead.
    await expect(mergeTags(h.db, 'accessibilite', 'accessibility')).rejects.toMatchObject({ code: 'conflict', userMessage: 'tags.errors.alreadyMerged' });
  });

  it('rewrites a tag’s label when merged into another spelling of itself', async () => {
    await h.run('/tip add Ordre du jour des délibérations #deliberations');
    const { into } = await mergeTags(h.db, 'deliberations', 'délibérations');
    expect(into).toEqual({ tag: 'deliberations', label: 'délibérations' });
    const labels = await h.db.tipTag.findMany({ where: { tag: 'deliberations' }, select: { label: true } });
    expect(labels.map(({ label }) => label)).toEqual(['délibérations', 'délibérations']);
    await expect(mergeTags(h.db, 'nulle-part', 'ailleurs')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('treats hostile query text as words: results or nothing, never an error', async () => {
    const hostile = ['"', '""', "'", '*', '-', ':', '&', '|', '!', '(', ')', 'NEAR(partager meetings)', 'partager NOT meetings', 'partager OR x', 'partager AND',
      '"partager"*', '-partager', 'partager:*', 'meetings & | !', 'col:partager', '^partager', '{searchText}: partager', "partag' OR 1=1 --", '\\', '%_', '\u0000', '½ ²',
      'introuvablement', 'partager introuvablement', '一0𐀀一', '𔠒󳏐𞵁', 'Ⅻ'];
    for (const query of hostile) {
      const [reply] = await h.run(`/tip search ${query}`);
      // A NUL never reaches the database: the line loses its control characters on the way in, leaving nothing to search.
      expect(reply, query).toMatch(query === '\u0000' ? /^Il manque : recherche/ : /^Astuces pour|^Aucune astuce ne correspond/);
      expect(Array.isArray(await hits(query))).toBe(true);
    }
    // Punctuation separates words, and every word must match: NEAR is a word here.
    for (const query of ['"partager"*', '(partager)', 'partager:*', '-partager', '{partager}']) expect(await search(query), query).toEqual([1]);
    expect(await search('NEAR(partager)')).toEqual([]);
  });

  it('keeps to one network when asked, and never lists hidden tips', async () => {
    const network = await h.db.network.create({ data: { slug: 'cartes', name: 'Cartes' } });
    await h.run('/tip add Les cartes partagées du réseau', { channel: '!cartes:example.org' });
    const { id } = await h.db.tip.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.db.tip.update({ where: { id }, data: { networkId: network.id } });
    const inNetwork = await searchTips(h.db, h.engine, 'partager', { limit: 10, networkId: network.id });
    expect(inNetwork.map((tip) => tip.id)).toEqual([id]);
    expect((await hits('partager')).map((tip) => tip.id)).toEqual([id, 1]);
    await h.run(`/tip delete ${id}`, { channel: '!cartes:example.org' });
    expect((await hits('partager')).map((tip) => tip.id)).toEqual([1]);
    expect((await hits('parta')).map((tip) => tip.id)).toEqual([1]);
  });

  it('re-indexes tips saved under older indexing rules', async () => {
    const author = await h.db.member.findFirstOrThrow();
    // As the migration leaves them: folded words only, no stems.
    const old = await h.db.tip.create({ data: { title: 'Revue', text: 'Revue des journaux municipaux', searchText: 'revue revue des journaux municipaux', authorId: author.id, language: 'fr' } });
    expect(await search('journal')).toEqual([]);
    expect(await reindexStaleTips(h.db)).toBe(1);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: old.id } })).searchVersion).toBe(SEARCH_VERSION);
    expect(await search('journal')).toEqual([old.id]);
  });
});

describe('excerpts', () => {
  const long = `${'Avant-propos sans rapport avec le sujet. '.repeat(5)}Les fiches partagées sont dans le dossier commun. ${'Suite sans rapport. '.repeat(10)}`;

  it('cuts around the first match at word boundaries, with ellipses', () => {
    const pieces = excerpt(long, 'partager', 100);
    expect(pieces.filter((piece) => piece.match).map((piece) => piece.text)).toEqual(['partagées']);
    const text = pieces.map((piece) => piece.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(102);
    expect(long).toContain(text.slice(1, -1));
  });

  it('shows a short text whole, wherever the match is', () => {
    expect(excerpt('Réunion mensuelle : utilisez le calendrier partagé', 'partager', 100)).toEqual([
      { text: 'Réunion mensuelle : utilisez le calendrier ', match: false },
      { text: 'partagé', match: true },
    ]);
  });

  it('starts at the beginning when nothing in the text matches', () => {
    expect(excerpt('Un texte court', 'ailleurs')).toEqual([{ text: 'Un texte court', match: false }]);
  });

  it('keeps the text as it is: markup stays text for renderers to escape', () => {
    expect(excerpt('<b>partage</b> & co', 'partager')).toEqual([
      { text: '<b>', match: false },
      { text: 'partage', match: true },
      { text: '</b> & co', match: false },
    ]);
  });
});

describe.each(engines)('words most tips have, on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine);
    for (const text of ['Atelier cartes partagées', 'Atelier vidéo', 'Atelier impression', 'Ateliers du jeudi', 'Réunion partagée']) await h.run(`/tip add ${text}`);
  });
  afterAll(() => h.close());

  it('still requires every word, the common one included, and ranks by the others', async () => {
    const found = async (query: string) => (await searchTips(h.db, h.engine, query, { limit: 10 })).map((tip) => tip.id);
    expect(await found('atelier partager')).toEqual([1]);
    expect(await found('partager ateliers')).toEqual([1]);
    expect((await found('atelier')).sort()).toEqual([1, 2, 3, 4]);
    expect(await found('atelier réunion')).toEqual([]);
  });
});
