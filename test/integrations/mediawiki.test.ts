/**
 * Publishing the knowledge base to a real MediaWiki (Debian's package, served by PHP on
 * 127.0.0.1): the pages and their wikitext, re-runs that edit nothing, edits limited to what
 * changed, hostile text that stays text in the rendered page, people's edits respected, vanished
 * tags retired, and the command line (dry run, wrong password). Each test publishes under its own
 * RELAIS_WIKI_PREFIX, so the tests share one wiki and no page.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishToWiki, type PublishReport } from '../../src/publish/mediawiki/publish.ts';
import { injections } from '../hostile/corpus.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { admin, seedKnowledgeBase } from './support/knowledge-base.ts';
import { BOT, PERSON, startWiki, type TestWiki } from './support/mediawiki.ts';

const execFileAsync = promisify(execFile);
const connection = { retryPauseMs: 100, timeoutMs: 20_000 };
const outcomes = (report: PublishReport) => Object.fromEntries(report.pages.map((page) => [page.title, page.outcome]));
const textOf = (html: string) => DomUtils.textContent(parseDocument(html)).replace(/\s+/g, ' ');
const elementsOf = (html: string) => DomUtils.findAll(() => true, parseDocument(html).children).map((element) => element.name);

describe('publishing to a real MediaWiki', () => {
  let wiki: TestWiki;
  let h: Harness | undefined;
  let prefixes = 0;
  beforeAll(async () => {
    wiki = await startWiki({ lang: 'fr' });
  });
  afterAll(() => wiki?.stop());
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** A fresh database with the knowledge base, publishing under a prefix of its own. */
  async function relais(env: Record<string, string> = {}) {
    const prefix = `T${++prefixes}/`;
    h = await createHarness('sqlite', { env: { ...wiki.env, RELAIS_WIKI_PREFIX: prefix, RELAIS_PUBLIC_URL: 'https://relais.example.org', ...env } });
    const base = await seedKnowledgeBase(h);
    const harness = h;
    const publish = (options: { force?: boolean } = {}) => publishToWiki(harness.scheduling, { ...options, connection });
    return { h: harness, prefix, base, publish, title: (suffix: string) => `${prefix}${suffix}` };
  }

  it('publishes an index, a page per tag and per network and the meetups, in the category, as a bot edit with a summary', async () => {
    const { publish, title } = await relais({ RELAIS_WIKI_LICENSE: 'Contenu sous licence [https://creativecommons.org/licenses/by-sa/4.0/deed.fr CC BY-SA 4.0].' });
    const report = await publish();
    expect(outcomes(report)).toEqual({
      [title('Astuces')]: 'created',
      [title('Étiquettes/agenda')]: 'created',
      [title('Étiquettes/cartes')]: 'created',
      [title('Étiquettes/outils')]: 'created',
      [title('Réseaux/cartes')]: 'created',
      [title('Rencontres')]: 'created',
    });

    const network = await wiki.text(title('Réseaux/cartes'));
    expect(network).toContain('== Utilisez le calendrier partagé ==\nUtilisez le calendrier partagé<br />\nIl se synchronise avec tous les agendas. #outils #agenda');
    expect(network).toContain("''par alice'' · [[T1/Réseaux/cartes|Cartes et territoires]] · 0 vote · 30 novembre 2026 · [https://relais.example.org/tips/1 page sur Relais]");
    expect(network).toContain('[[T1/Étiquettes/agenda|&#35;agenda]] · [[T1/Étiquettes/outils|&#35;outils]]');
    expect(network).toMatch(/\[\[Catégorie:Relais\]\]\n\nContenu sous licence \[https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/deed\.fr CC BY-SA 4\.0\]\.$/);
    const index = await wiki.parse(title('Astuces'));
    expect(textOf(index.html)).toContain('Cartes et territoires — 2 astuces');
    expect(index.links).toEqual(expect.arrayContaining([title('Réseaux/cartes'), title('Étiquettes/outils'), title('Rencontres')]));
    const meetups = textOf((await wiki.parse(title('Rencontres'))).html);
    expect(meetups).toContain('jeudi 3 décembre 2026, 18 h 30 (heure de Paris) — Apéro numérique — Cartes et territoires — Mairie, salle 3 — 0 inscrit·e');
    expect(meetups).toContain('vendredi 20 novembre 2026, 14 h (heure de Paris) — Atelier cartes — Cartes et territoires — Médiathèque — 2 participant·es');

    for (const page of report.pages) {
      expect((await wiki.parse(page.title)).categories, page.title).toEqual(['Relais']);
      expect(await wiki.history(page.title), page.title).toEqual([
        expect.objectContaining({ user: BOT, bot: true, comment: 'Relais : publication des astuces et rencontres partagées' }),
      ]);
    }
  });

  it('edits nothing on a second run, and only the pages of a tip that changed', async () => {
    const { h, publish, title, base } = await relais();
    await publish();
    const revisions = async () => Object.fromEntries(await Promise.all([
      'Astuces', 'Étiquettes/agenda', 'Étiquettes/cartes', 'Étiquettes/outils', 'Réseaux/cartes', 'Rencontres',
    ].map(async (suffix) => [suffix, (await wiki.history(title(suffix))).map((revision) => revision.revid)])));
    const first = await revisions();

    expect(Object.values(outcomes(await publish()))).toEqual(Array(6).fill('unchanged'));
    expect(await revisions()).toEqual(first);

    // Same first line (so the same title in the index), another text: its tag and network pages only.
    await h.run(`/tip edit ${base.tips.calendar} Utilisez le calendrier partagé\nAbonnez-vous depuis l’agenda de votre messagerie. #outils #agenda`);
    const report = await publish();
    expect(report.pages.filter((page) => page.outcome !== 'unchanged').map((page) => [page.title, page.outcome])).toEqual([
      [title('Étiquettes/agenda'), 'updated'], [title('Étiquettes/outils'), 'updated'], [title('Réseaux/cartes'), 'updated'],
    ]);
    const after = await revisions();
    for (const unchanged of ['Astuces', 'Étiquettes/cartes', 'Rencontres']) expect(after[unchanged]).toEqual(first[unchanged]);
    for (const updated of ['Étiquettes/agenda', 'Étiquettes/outils', 'Réseaux/cartes']) expect(after[updated]).toHaveLength(2);
    expect((await wiki.history(title('Réseaux/cartes'))).at(-1)).toMatchObject({ user: BOT, bot: true, comment: 'Relais : mise à jour depuis la base partagée' });
    expect(await wiki.text(title('Réseaux/cartes'))).toContain('Abonnez-vous depuis l’agenda de votre messagerie.');
  });

  it('shows what members typed as literal text: no template, link, category, signature, magic word, table, tag or heading', async () => {
    const { h, publish, title } = await relais();
    const hostile = [
      '{{Delete}} [[Catégorie:Spam]] ~~~~ <script>alert(1)</script> __NOTOC__',
      '{| class="wikitable"',
      '|-',
      '! Colonne !! autre',
      '|}',
      '= Titre =',
      '* liste',
      '# numérotée',
      ': retrait ; définition',
      ' espace en tête',
      '----',
      '<ref>note</ref> <nowiki>x</nowiki></nowiki> <!-- commentaire --> <div style="color:red">rouge</div> &lt;b&gt; &amp;',
      "'''gras''' ''italique'' [https://evil.example clic] https://evil.example mailto:x@evil.example ISBN 978-2-07-036822-8 RFC 1234",
      '{{subst:PAGENAME}} {{#if:x|y}} {{{1}}} -{zh-hans:x}- __TOC__ ~~~ ~~~~~ [[Fichier:X.png]] [[:Catégorie:Spam]] [[Utilisateur:Alice|Alice]]',
    ].join('\n');
    await h.run(`/tip add ${hostile} #hostile`);
    await h.run(`/tip add ${injections.join('\n')} #hostile`);
    // Four headings or more: MediaWiki adds a table of contents, unless __NOTOC__ worked.
    for (const n of [1, 2]) await h.run(`/tip add Astuce ordinaire ${n} #hostile`);
    await publish();

    const page = await wiki.parse(title('Étiquettes/hostile'));
    expect(page.categories).toEqual(['Relais']);
    expect(page.templates).toEqual([]);
    // Only the tips' own web pages are links: nothing members wrote.
    expect(page.externalLinks.filter((link) => !link.startsWith('https://relais.example.org/tips/'))).toEqual([]);
    // The tag links on its own page are self-links, which MediaWiki does not list.
    expect(page.links).toEqual([title('Réseaux/cartes')]);
    expect(page.html).toContain('id="toc"');
    const elements = new Set(elementsOf(page.html));
    for (const markup of ['script', 'table', 'sup', 'ol', 'pre', 'hr', 'h1', 'b', 'img', 'style', 'iframe', 'svg', 'div']) {
      // div: MediaWiki's own wrappers (parser output, table of contents) only.
      if (markup === 'div') continue;
      expect(elements.has(markup), markup).toBe(false);
    }
    expect([...elements].filter((name) => !['div', 'p', 'br', 'h2', 'span', 'i', 'dl', 'dd', 'a', 'ul', 'li', 'input', 'label', 'h2'].includes(name))).toEqual([]);
    const text = textOf(page.html);
    for (const line of hostile.split('\n')) expect(text, line).toContain(line.replace(/\s+/g, ' ').trim());
    for (const injection of injections) {
      // Control characters and bidi overrides are dropped where Relais receives them; line breaks (\r\n too) stay.
      const expected = injection.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
      expect(text, JSON.stringify(injection)).toContain(expected);
    }
    // Saved as written: the pre-save transform signed nothing and substituted nothing.
    const saved = await wiki.text(title('Étiquettes/hostile'));
    expect(saved).not.toContain(BOT);
    expect(saved).not.toMatch(/\(UTC\)/);
    expect(saved).toContain('&#126;&#126;&#126;&#126; &#60;script&#62;');
    expect(saved).toContain('&#123;&#123;subst&#58;PAGENAME&#125;&#125;');
  });

  it('leaves a page a person edited alone until --force, and a page it did not write', async () => {
    const { h, publish, title, base } = await relais();
    await publish();
    await wiki.editAsPerson(title('Étiquettes/outils'), 'Page reprise à la main par Alice.');
    await wiki.editAsPerson(title('Étiquettes/nouvelle'), 'Une page écrite par Alice avant Relais.');
    await h.run(`/tip edit ${base.tips.calendar} Utilisez le calendrier partagé #outils #agenda #nouvelle`);

    const report = await publish();
    expect(report.pages.find((page) => page.title === title('Étiquettes/outils'))).toEqual({
      title: title('Étiquettes/outils'), outcome: 'skipped',
      reason: `modifiée sur le wiki par ${PERSON} depuis la dernière publication de Relais (--force pour l’écraser)`,
    });
    expect(report.pages.find((page) => page.title === title('Étiquettes/nouvelle'))).toMatchObject({ outcome: 'skipped', reason: `existe déjà sur le wiki, écrite par ${PERSON} (--force pour la remplacer)` });
    expect(outcomes(report)[title('Étiquettes/agenda')]).toBe('updated');
    expect(await wiki.text(title('Étiquettes/outils'))).toBe('Page reprise à la main par Alice.');
    // Still the person's on the next run: a skip is not a one-off.
    expect(outcomes(await publish())[title('Étiquettes/outils')]).toBe('skipped');

    const forced = await publish({ force: true });
    expect(outcomes(forced)[title('Étiquettes/outils')]).toBe('updated');
    expect(outcomes(forced)[title('Étiquettes/nouvelle')]).toBe('updated');
    expect((await wiki.history(title('Étiquettes/outils'))).map((revision) => revision.user)).toEqual([BOT, PERSON, BOT]);
    expect(await wiki.text(title('Étiquettes/outils'))).toContain('== Utilisez le calendrier partagé ==');
  });

  it('blanks the page of a tag that disappeared with a note, once', async () => {
    const { h, publish, title, base } = await relais();
    await publish();
    await h.run(`/tip delete ${base.tips.maps}`);
    const report = await publish();
    expect(outcomes(report)[title('Étiquettes/cartes')]).toBe('retired');
    const retired = await wiki.parse(title('Étiquettes/cartes'));
    expect(textOf(retired.html)).toContain('L’étiquette #cartes ne porte plus aucune astuce publique : Relais ne tient plus cette page à jour, elle peut être supprimée.');
    expect(textOf(retired.html)).not.toContain('IGN');
    expect(retired.categories).toEqual(['Relais_(pages_retirées)']);
    expect((await wiki.history(title('Étiquettes/cartes'))).at(-1)).toMatchObject({ user: BOT, bot: true, comment: 'Relais : page retirée, son sujet n’existe plus' });
    expect(outcomes(await publish())[title('Étiquettes/cartes')]).toBe('unchanged');
    expect(textOf((await wiki.parse(title('Réseaux/cartes'))).html)).not.toContain('IGN');
  });

  describe('the command line', () => {
    const cli = async (env: Record<string, string>, ...args: string[]) => {
      const result = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'publish', 'mediawiki', ...args], {
        env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8',
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      return { code: 'code' in result ? result.code : 0, stdout: result.stdout, stderr: result.stderr };
    };

    it('prints the planned pages and their diff on --dry-run, and edits nothing', async () => {
      const database = await createTestDatabase('sqlite');
      try {
        const env = { ...wiki.env, DATABASE_URL: database.url, RELAIS_WIKI_PREFIX: 'CLI/' };
        await database.db.network.create({ data: { slug: 'ecoles', name: 'Écoles numériques' } });
        const run = await cli(env, '--dry-run');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('serait créée       CLI/Astuces\n@@ -0,0 +1,15 @@\n+\'\'Page publiée par Relais');
        expect(run.stdout).toContain('+* [[CLI/Réseaux/ecoles|Écoles numériques]] — 0 astuce');
        expect(run.stdout).toContain('serait créée       CLI/Réseaux/ecoles\n');
        expect(run.stdout).toContain('serait créée       CLI/Rencontres\n');
        expect(run.stdout).toContain('Simulation : rien n’a été modifié sur le wiki.');
        expect(await wiki.history('CLI/Astuces')).toEqual([]);

        const real = await cli(env);
        expect(real.stdout).toContain('créée              CLI/Réseaux/ecoles\n');
        expect(real.stdout).toContain(`3 créées, 0 mise à jour, 0 inchangée, 0 ignorée, 0 retirée sur ${wiki.apiUrl}`);
      } finally {
        await database.close();
      }
    });

    it('names the variable to check when the wiki refuses the password', async () => {
      const database = await createTestDatabase('sqlite');
      try {
        const run = await cli({ ...wiki.env, DATABASE_URL: database.url, RELAIS_WIKI_PASSWORD: 'not-the-bot-password' });
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`Le wiki ${wiki.apiUrl} a refusé la connexion de RELAIS_WIKI_USER « ${BOT}@relais » : vérifiez RELAIS_WIKI_PASSWORD`);
        expect(run.stderr).not.toContain('not-the-bot-password');
        expect(run.stderr).not.toContain('    at ');
      } finally {
        await database.close();
      }
    });

    it('refuses a half-configured wiki at start, listing what is missing', async () => {
      const run = await cli({ RELAIS_WIKI_API_URL: wiki.apiUrl, RELAIS_WIKI_USER: '', RELAIS_WIKI_PASSWORD: '', RELAIS_WIKI_SCHEDULE: 'hourly', DATABASE_URL: 'file:/nonexistent/x.db' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('RELAIS_WIKI_USER: is required to publish to the wiki');
      expect(run.stderr).toContain('RELAIS_WIKI_PASSWORD: is required to publish to the wiki');
      expect(run.stderr).toContain('RELAIS_WIKI_SCHEDULE');
    });
  });

  it('writes in English for an English-speaking network, with the wiki’s own category namespace', async () => {
    const english = await startWiki({ lang: 'en' });
    try {
      h = await createHarness('sqlite', { env: { ...english.env, RELAIS_LOCALE: 'en' } });
      await seedKnowledgeBase(h);
      const report = await publishToWiki(h.scheduling, { connection });
      expect(report.pages.map((page) => page.title)).toEqual(['Relais/Tips', 'Relais/Tags/agenda', 'Relais/Tags/cartes', 'Relais/Tags/outils', 'Relais/Networks/cartes', 'Relais/Meetups']);
      expect(await english.text('Relais/Networks/cartes')).toContain('[[Category:Relais]]');
      expect((await english.parse('Relais/Meetups')).categories).toEqual(['Relais']);
      expect(textOf((await english.parse('Relais/Meetups')).html)).toContain('Friday, November 20, 2026, 2:00 PM (Paris time) — Atelier cartes — Cartes et territoires — Médiathèque — 2 attendees');
    } finally {
      await english.stop();
    }
  });
});
