// axe-core (WCAG 2.1 A and AA rules) run inside Chromium on every type of page, in French and in
// English: no violation. And the header stays compact on a phone's screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { idIn, seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const token = 'axe-token-0123456789abcdef';

interface Violation { id: string; impact: string; help: string; targets: string[] }

describe('accessibility of every page type (axe-core, WCAG 2.1 AA)', () => {
  let relais: WebRelais;
  let locked: WebRelais;
  let seeded: Seeded;
  let resource: number;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [relais, locked] = await Promise.all([startWebRelais('sqlite'), startWebRelais('sqlite', { RELAIS_WEB_TOKEN: token })]);
    seeded = await seed(relais);
    for (let n = 1; n <= 20; n++) await relais.run(`/tip add Astuce de remplissage ${n}\nPour avoir une deuxième page de résultats. #remplissage`, { channel: 'cartes' });
    await relais.run(`/tip verify ${seeded.tips.umap}`, { channel: 'cartes' });
    await relais.run('/summary config locale en', { channel: 'english' });
    await relais.run('/tip add Libraries lend laptops to residents #digital', { channel: 'english' });
    resource = idIn((await relais.run('/resource add https://example.org/guide.pdf | Guide TIC et ruralité | #ruralité guide 2024', { channel: 'cartes' }))[0]);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await relais?.close();
    await locked?.close();
  });

  /** The violations axe finds on the page at `url`, read by a browser speaking `locale`. */
  async function violations(url: string, locale: 'fr' | 'en', viewport = { width: 1280, height: 900 }): Promise<{ status: number; violations: Violation[] }> {
    // The pages forbid inline scripts (CSP): only the test's browser lets axe in.
    const context = await browser.newContext({ locale, bypassCSP: true, viewport, extraHTTPHeaders: { 'accept-language': locale } });
    contexts.push(context);
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
    const page = await context.newPage();
    const response = await page.goto(url);
    await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate<Violation[]>(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } })
      .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
    await context.close();
    return { status: response?.status() ?? 0, violations: found };
  }

  const pages = (): Array<[string, string, number]> => [
    ['home', '/', 200],
    ['tips', '/tips', 200],
    ['tips, page 2', '/tips?page=2', 200],
    ['tips, most appreciated', '/tips?sort=top', 200],
    ['tips of a tag', '/tips?tag=outils', 200],
    ['search', '/tips?q=reunion', 200],
    ['a tip', `/tips/${seeded.tips.umap}`, 200],
    ['a tip with hostile text', `/tips/${seeded.tips.hostile}`, 200],
    ['resources', '/resources', 200],
    ['a resource', `/resources/${resource}`, 200],
    ['meetups', '/meetups', 200],
    ['a meetup', `/meetups/${seeded.meetups.apero}`, 200],
    ['a network', '/networks/cartes', 200],
    ['not found', '/tips/999999', 404],
  ];

  for (const locale of ['fr', 'en'] as const) {
    it(`finds no violation on any page, in ${locale}`, { timeout: 300_000 }, async () => {
      const found: Array<{ page: string } & Violation> = [];
      for (const [name, path, status] of [...pages(), ['members only (401)', `${locked.base}/tips`, 401] as [string, string, number]]) {
        const url = path.startsWith('http') ? path : `${relais.base}${path}`;
        const result = await violations(url, locale);
        expect(result.status, name).toBe(status);
        found.push(...result.violations.map((violation) => ({ page: name, ...violation })));
      }
      expect(found).toEqual([]);
    });
  }

  it('finds no violation on a phone’s screen, where the header stays compact', { timeout: 120_000 }, async () => {
    const phone = { width: 375, height: 667 };
    for (const path of ['/', '/tips?q=reunion', `/resources/${resource}`]) expect((await violations(`${relais.base}${path}`, 'fr', phone)).violations, path).toEqual([]);
    const context = await browser.newContext({ locale: 'fr', viewport: phone });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${relais.base}/`);
    const header = await page.locator('header.site-header').boundingBox();
    // Brand, navigation, search and language on a third of the screen at most.
    expect(header!.height).toBeLessThanOrEqual(phone.height / 3);
    expect(await page.locator('.tagline').isVisible()).toBe(false);
    await context.close();
  });
});
