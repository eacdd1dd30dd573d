// The tip pages people read: whole titles, excerpts, numbered pages with their own titles and 404
// past the last one, the "top" sort, verified badges, lang on user text, merged numbers that lead
// to the tip they became, plurals through the catalogs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/test-database.ts';
import { idIn, startWebRelais, type WebRelais } from './web-relais.ts';

const longTitle = 'Pour les réunions de plus de deux heures, prévoir une pause de dix minutes toutes les quarante-cinq minutes et un minuteur visible de tous';

describe.each(engines)('knowledge base pages (%s)', (engine) => {
  let relais: WebRelais;
  let long: number;
  let english: number;
  let top: number;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${relais.base}${path}`, { headers, redirect: 'manual' });
    return { status: response.status, location: response.headers.get('location'), body: await response.text() };
  };
  const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];

  beforeAll(async () => {
    relais = await startWebRelais(engine);
    await relais.run('/relais network nord Réseau Nord', { channel: 'nord' });
    await relais.run('/summary config locale en', { channel: 'english' });
    for (let n = 1; n <= 42; n++) await relais.run(`/tip add Astuce numéro ${n} pour remplir les pages #remplissage`, { channel: 'nord' });
    long = idIn((await relais.run(`/tip add ${longTitle}\nLe minuteur se projette sur l’écran. #reunions`, { channel: 'nord' }))[0]);
    english = Number(/#(\d+)/.exec((await relais.run('/tip add Libraries lend laptops to residents #digital', { channel: 'english', user: 'Bruno Dupont' }))[0] ?? '')?.[1]);
    top = idIn((await relais.run('/tip add Une astuce que tout le monde aime', { channel: 'nord', user: 'Bruno Dupont' }))[0]);
    for (const user of ['Alice Martin', 'Chloé Bernard']) await relais.run(`/tip vote ${top}`, { user });
    await relais.run(`/tip vote ${english}`, { user: 'Chloé Bernard' });
  }, 180_000);
  afterAll(() => relais?.close());

  it('numbers the pages, says which one in the title, and answers 404 past the last one', async () => {
    const first = await get('/tips');
    expect(titleOf(first.body)).toBe('Astuces — page 1 sur 3 — Relais');
    expect(first.body).toContain('<p role="status">45 astuces · page 1 sur 3</p>');
    expect(first.body).toContain('<a href="/tips?page=1" aria-current="page" aria-label="Page 1">1</a>');
    expect(first.body).toContain('<a href="/tips?page=3" aria-label="Page 3">3</a>');
    expect(first.body).not.toContain('rel="prev"');
    const second = await get('/tips?page=2');
    expect(titleOf(second.body)).toBe('Astuces — page 2 sur 3 — Relais');
    expect(second.body).toContain('rel="prev">Page précédente</a>');
    expect(second.body).toContain('rel="next">Page suivante</a>');
    const last = await get('/tips?page=3');
    expect(last.status).toBe(200);
    expect(last.body).not.toContain('rel="next"');
    expect((await get('/tips?page=4')).status).toBe(404);
    expect((await get('/tips?page=99')).status).toBe(404);
    // A list of one page says nothing of pages; an empty one is still a page.
    expect(titleOf((await get('/tips?tag=reunions')).body)).toBe('Astuces #reunions — Relais');
    expect((await get('/tips?tag=inexistante')).status).toBe(200);
    expect((await get('/tips?tag=inexistante&page=2')).status).toBe(404);
    expect(titleOf((await get('/tips?page=2', { 'accept-language': 'en' })).body)).toBe('Tips — page 2 of 3 — Relais');
  });

  it('shows whole titles, in lists and as the tip page’s heading, and an excerpt of the rest', async () => {
    const page = await get(`/tips/${long}`);
    expect(page.body).toContain(`<h1><span lang="fr">${longTitle}</span></h1>`);
    expect(titleOf(page.body)).toBe(`${longTitle} — Relais`);
    const list = await get('/tips?tag=reunions');
    expect(list.body).toContain(`<a href="/tips/${long}" lang="fr">${longTitle}</a>`);
    expect(list.body).toContain('<p class="excerpt" lang="fr">Le minuteur se projette sur l’écran.</p>');
    expect(list.body).not.toContain('…</a>');
  });

  it('marks text written in English as English on French pages', async () => {
    const page = await get(`/tips/${english}`);
    expect(page.body).toContain('<html lang="fr"');
    expect(page.body).toContain('<span lang="en">Libraries lend laptops to residents</span>');
    expect(page.body).toContain('<div class="tip-text" lang="en">');
  });

  it('sorts by votes then recency with ?sort=top', async () => {
    const body = (await get('/tips?sort=top')).body;
    const order = [...body.matchAll(/<h2 class="card-title"><a href="\/tips\/(\d+)"/g)].map((match) => Number(match[1]));
    expect(order.slice(0, 3)).toEqual([top, english, long]);
    expect(body).toContain('<option value="top" selected>les plus appréciées</option>');
    expect(body).toContain('href="/tips?sort=top&amp;page=2"');
  });

  it('shows a verified tip with its badge, in words, and who verified it', async () => {
    await relais.run(`/tip verify ${long} 1 an`, { channel: 'nord' });
    const page = await get(`/tips/${long}`);
    expect(page.body).toContain('<span class="badge badge-verified"><span aria-hidden="true">✔ </span>Vérifiée</span>');
    expect(page.body).toContain('<dt>Vérification</dt><dd>Vérifiée par Alice Martin le 30 novembre 2026 ; à revoir le 30 novembre 2027</dd>');
    expect((await get('/tips?tag=reunions')).body).toContain('badge-verified');
    expect((await get(`/tips/${english}`)).body).not.toContain('badge-verified');
  });

  it('sends a merged tip’s number to the tip it was merged into', async () => {
    const copy = idIn((await relais.run('/tip add Une copie de l’astuce aimée', { channel: 'nord' }))[0]);
    await relais.run(`/tip merge ${copy} ${top}`, { channel: 'nord' });
    const moved = await get(`/tips/${copy}`);
    expect(moved.status).toBe(301);
    expect(moved.location).toBe(`/tips/${top}`);
  });

  it('writes counts with the language’s plurals, never “(s)”', async () => {
    const [networks] = await relais.run('/relais networks');
    expect(networks).toContain('Réseau Nord (nord) — 1 salon, 44 astuces, 0 rencontre');
    expect(networks).not.toContain('(s)');
  });
});
