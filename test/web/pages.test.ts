import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { hostileText, idIn, seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

/** The titles of the tips a list page shows, in order. */
const tipTitles = (page: Page) => page.locator('main ul.cards h2 a').allTextContents();

describe('web pages in Chromium (sqlite)', () => {
  let relais: WebRelais;
  let seeded: Seeded;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    relais = await startWebRelais('sqlite');
    seeded = await seed(relais);
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'fr-FR', baseURL: relais.base });
    // Nothing may leave the loopback interface.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await relais?.close();
  });

  it('shows networks, latest tips and next meetups on the home page, with landmarks', async () => {
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toBe('Accueil — Relais');
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(await page.locator(landmark).count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    const networks = page.getByRole('region', { name: 'Réseaux partenaires' });
    expect(await networks.getByRole('link').allTextContents()).toEqual(['Cartes et territoires', 'Écoles numériques']);
    expect(await networks.textContent()).toContain('Cartes et territoires — 2 astuces · 2 rencontres');
    const meetups = await page.getByRole('region', { name: 'Prochaines rencontres' }).locator('h3').allTextContents();
    expect(meetups.map((title) => title.trim())).toEqual(['Apéro numérique', 'Visite annulée (Annulée)', 'Atelier cartes']);
    expect(await page.getByRole('region', { name: 'Dernières astuces' }).textContent()).not.toContain('secrète');
  });

  it('finds "Réunion" when searching "reunion", and never the hidden tip', async () => {
    await page.goto('/');
    await page.getByLabel('Rechercher une astuce').fill('reunion');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/tips\?q=reunion/);
    expect(await page.locator('h1').textContent()).toBe('Astuces pour « reunion »');
    expect(await tipTitles(page)).toEqual(['Réunion d’équipe : un minuteur visible aide à finir à l’heure']);
    const meta = await page.locator('main ul.cards .meta').first().textContent();
    expect(meta).toContain('par Alice Martin');
    expect(meta).toContain('Cartes et territoires');
    expect(meta).toContain('0 vote');
    expect(await page.getByLabel('Rechercher une astuce').inputValue()).toBe('reunion');
  });

  it('filters by tag and by network with the filter form', async () => {
    await page.goto('/tips');
    expect(await page.getByRole('status').textContent()).toBe('4 astuces');
    await page.getByLabel('Étiquette', { exact: true }).selectOption('outils');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/tag=outils/);
    expect((await tipTitles(page)).sort()).toEqual(['Cartographie libre avec uMap pour les ateliers', 'Réunion d’équipe : un minuteur visible aide à finir à l’heure']);
    await page.getByLabel('Réseau', { exact: true }).selectOption('ecoles');
    await page.getByLabel('Étiquette', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/network=ecoles/);
    const titles = await tipTitles(page);
    expect(titles).toHaveLength(2);
    expect(titles).toContain('Les comptes ENT des élèves se réinitialisent au guichet');
    expect(titles.find((title) => title.startsWith('<script>alert(1)</script>'))).toBeDefined();
    await page.goto('/tips?q=outils&network=cartes&tag=cartes');
    expect(await tipTitles(page)).toEqual(['Cartographie libre avec uMap pour les ateliers']);
  });

  it('shows a tip with its author, network, votes and tags; hidden tips are not found', async () => {
    await page.goto(`/tips/${seeded.tips.umap}`);
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain('Bruno Dupont');
    expect(facts).toContain('Cartes et territoires');
    expect(await page.locator('dl.facts dd').nth(2).textContent()).toBe('2');
    expect(await page.getByRole('list', { name: 'Étiquettes' }).getByRole('link').allTextContents()).toEqual(['#cartes', '#outils']);
    const response = await page.goto(`/tips/${seeded.tips.hidden}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page introuvable');
  });

  it('shows hostile text as text: no script, no javascript: link, no injected markup', async () => {
    await page.goto(`/tips/${seeded.tips.hostile}`);
    expect(await page.locator('script, img').count()).toBe(0);
    expect(await page.locator('.tip-text').textContent()).toBe(hostileText);
    expect(await page.locator('dl.facts dd').first().textContent()).toBe('Mallory <b>Evil</b>');
    const hrefs = await Promise.all((await page.locator('a').all()).map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => !/^(\/|#|https?:|\?)/.test(href ?? ''))).toEqual([]);
  });

  it('lists upcoming and past meetups with answers, capacity and waitlist', async () => {
    await page.goto('/meetups');
    const upcoming = page.getByRole('region', { name: 'À venir' });
    const apero = upcoming.locator('li', { hasText: 'Apéro numérique' });
    expect(await apero.textContent()).toContain('2 participent · 1 peut-être · 2 inscrit·es sur 2 places · complet · 1 en liste d’attente');
    expect(await apero.locator('time').textContent()).toBe('dimanche 10 janvier 2027, 18 h 30 (heure de Paris)');
    expect(await upcoming.locator('li', { hasText: 'Visite annulée' }).locator('.status-cancelled').textContent()).toBe('(Annulée)');
    expect(await page.getByRole('region', { name: 'Passées' }).locator('h3').allTextContents()).toEqual(['Rencontre de rentrée']);
    expect(await page.locator('code.feed').textContent()).toBe('http://relais.test/calendar.ics');

    await page.goto(`/meetups/${seeded.meetups.apero}`);
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain('Mairie, salle 3');
    expect(facts).toContain('Alice Martin');
    expect(await page.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).getAttribute('href')).toBe(`/meetups/${seeded.meetups.apero}.ics`);
  });

  it('gives each meetup its own calendar link and a map search for its place; a cancelled one has neither answers nor calendar link', async () => {
    await page.goto('/meetups');
    const upcoming = page.getByRole('region', { name: 'À venir' });
    const apero = upcoming.locator('li', { hasText: 'Apéro numérique' });
    expect(await apero.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).getAttribute('href')).toBe(`/meetups/${seeded.meetups.apero}.ics`);
    expect(await apero.getByRole('link', { name: 'Mairie, salle 3' }).getAttribute('href')).toBe('https://www.openstreetmap.org/search?query=Mairie%2C%20salle%203');
    const cancelled = upcoming.locator('li', { hasText: 'Visite annulée' });
    expect(await cancelled.textContent()).not.toMatch(/participe|peut-être/);
    expect(await cancelled.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).count()).toBe(0);

    await page.goto(`/meetups/${seeded.meetups.cancelled}`);
    expect(await page.locator('main').textContent()).not.toMatch(/Réponses|participe|Ajouter à mon agenda/);
    expect(await page.locator('.status-cancelled').first().textContent()).toBe('(Annulée)');

    await page.goto(`/meetups/${seeded.meetups.apero}`);
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain('2 · complet');
    expect(await page.locator('dl.facts dt', { hasText: 'Liste d’attente' }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('1');
  });

  it('marks an online meetup as such, with its link and its end', async () => {
    const [created] = await relais.run('/meetup create Webinaire accessibilité | 20 janvier 2027 de 14h à 16h | https://visio.example.org/salle-42 | publier', { channel: 'cartes' });
    const id = idIn(created);
    await page.goto('/meetups');
    const item = page.getByRole('region', { name: 'À venir' }).locator('li', { hasText: 'Webinaire accessibilité' });
    expect(await item.locator('time').textContent()).toBe('mercredi 20 janvier 2027, 14 h – 16 h (heure de Paris)');
    expect(await item.locator('.online').textContent()).toBe('en ligne');
    expect(await item.getByRole('link', { name: 'https://visio.example.org/salle-42' }).getAttribute('href')).toBe('https://visio.example.org/salle-42');
    await page.goto(`/meetups/${id}`);
    expect(await page.locator('dl.facts').textContent()).toContain('en ligne : https://visio.example.org/salle-42');
  });

  it('fits a 320 px wide phone on every page, long words and addresses included: no sideways scrolling', async () => {
    const long = 'https://example.org/un-lien-vraiment-tres-long-sans-aucune-espace-qui-deborderait-de-lecran-des-telephones';
    const meetup = idIn((await relais.run(`/meetup create Ordre du jour ${long} | 21 janvier 2027 de 9h à 12h | Salle-des-délibérations-du-conseil-communautaire-intercommunal ${long} | publier`, { channel: 'cartes' }))[0]);
    const tip = idIn((await relais.run(`/tip add Anticonstitutionnellementmentionné ${long} #outils`, { channel: 'cartes' }))[0]);
    // The same page, resized: the npm build of Chromium runs in one process, where a second context would take the browser down with it.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    const overflowing: string[] = [];
    try {
      for (const path of ['/', '/tips', `/tips/${tip}`, '/meetups', `/meetups/${meetup}`, `/meetups/${seeded.meetups.cancelled}`, '/networks/cartes', '/tips?q=lien']) {
        await page.goto(path);
        const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, window.innerWidth]');
        expect(innerWidth).toBe(320);
        if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} > ${innerWidth}`);
      }
    } finally {
      if (desktop) await page.setViewportSize(desktop);
    }
    expect(overflowing).toEqual([]);
  });

  it('shows a network page with its channels, meetups and calendar feed', async () => {
    await page.goto('/networks/cartes');
    expect(await page.locator('h1').textContent()).toBe('Réseau Cartes et territoires');
    expect(await page.getByRole('region', { name: 'Salons' }).textContent()).toContain('cartes (console)');
    expect(await page.locator('code.feed').textContent()).toBe('http://relais.test/networks/cartes/calendar.ics');
    expect((await page.goto('/networks/inconnu'))?.status()).toBe(404);
  });

  it('switches language with a visible link and remembers it', async () => {
    await page.goto('/tips?tag=outils');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Tips #outils');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents()).toEqual(['Home', 'Tips', 'Resources', 'Meetups']);
    await page.goto('/meetups');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Meetups');
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/lang=fr/);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  });

  it('can be used with the keyboard: skip link, navigation, search field, in that order', async () => {
    await page.goto('/');
    // Strings, not functions: the test project has no DOM types.
    const focused = () => page.evaluate<string>("(() => { const e = document.activeElement; return e.tagName.toLowerCase() + ':' + (e.id || e.textContent.trim()); })()");
    const focusOutline = () => page.evaluate<string>('(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + " " + s.outlineWidth; })()');
    const order: string[] = [];
    for (let step = 0; step < 7; step++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['a:Aller au contenu', 'a:Accueil', 'a:Astuces', 'a:Ressources', 'a:Rencontres', 'input:search-q', 'button:Rechercher']);
    expect(await focusOutline()).toBe('solid 3px');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('cartographie');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=cartographie/);
    expect(await tipTitles(page)).toEqual(['Cartographie libre avec uMap pour les ateliers']);

    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('main:contenu');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('a:Cartes et territoires');
  });

  it('saves a screenshot of the tips page', async () => {
    mkdirSync('test-artifacts', { recursive: true });
    await page.goto('/tips');
    await page.screenshot({ path: 'test-artifacts/tips-page.png', fullPage: true });
    expect(existsSync('test-artifacts/tips-page.png')).toBe(true);
  });
});
