import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

const token = 'tr3s-secret-token-0123456789';

describe('web access (sqlite)', () => {
  describe('with RELAIS_WEB_TOKEN', () => {
    let relais: WebRelais;
    let seeded: Seeded;
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${relais.base}${path}`, { headers, redirect: 'manual' });

    beforeAll(async () => {
      relais = await startWebRelais('sqlite', { RELAIS_WEB_TOKEN: token });
      seeded = await seed(relais);
    });
    afterAll(() => relais?.close());

    it('refuses every page, feed and wrong token with 401 and a form to enter the token', async () => {
      for (const path of ['/', '/tips?q=reunion', `/tips/${seeded.tips.umap}`, '/meetups', '/calendar.ics', `/meetups/${seeded.meetups.apero}.ics`, '/networks/cartes', '/resources', '/feed.atom', '/tags/outils/feed.atom']) {
        const response = await get(path);
        expect(response.status, path).toBe(401);
        const body = await response.text();
        expect(body).not.toContain('Réunion');
        expect(body).not.toContain('Cartes et territoires');
        expect(body).toContain('<label for="token">Jeton d’accès</label>');
      }
      expect((await get('/', { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      expect((await get(`/?token=${token}x`)).status).toBe(401);
      expect((await get('/', { cookie: 'relais_token=forged' })).status).toBe(401);
    });

    it('serves with the bearer token', async () => {
      const response = await get('/tips?q=reunion', { authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(await response.text()).toContain('Réunion d’équipe');
    });

    it('turns ?token= into an HttpOnly cookie and drops it from the address', async () => {
      const first = await get(`/tips?tag=outils&token=${token}`);
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe('/tips?tag=outils');
      const cookie = first.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^relais_token=[0-9a-f]{64}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
      expect(cookie).not.toContain(token);
      const next = await get('/tips?tag=outils', { cookie: cookie.split(';')[0]! });
      expect(next.status).toBe(200);
      expect(await next.text()).toContain('Cartographie libre');
    });

    it('serves calendar and Atom feeds to ?token= directly (calendar clients and feed readers keep no cookies)', async () => {
      const response = await get(`/calendar.ics?token=${token}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('BEGIN:VCALENDAR');
      const atom = await get(`/feed.atom?token=${token}`);
      expect(atom.status).toBe(200);
      expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    });

    it('asks for the token without links that would only be refused too', async () => {
      const body = await (await get('/tips')).text();
      expect(body).not.toContain('href="/tips"');
      expect(body).not.toContain('href="/meetups"');
      expect(body).not.toContain('role="search"');
      expect(body).toContain('<label for="token">Jeton d’accès</label>');
    });

    it('keeps /healthz open without data', async () => {
      const response = await get('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite' });
    });
  });

  describe('without a token', () => {
    let relais: WebRelais;
    beforeAll(async () => {
      relais = await startWebRelais('sqlite');
      await seed(relais);
    });
    afterAll(() => relais?.close());

    it('only reads: every other method is 405 and changes nothing', async () => {
      const { db } = relais.running;
      const before = await db.tip.count();
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await fetch(`${relais.base}/tips`, { method, body: method === 'DELETE' ? null : 'text=x' });
        expect(response.status, method).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
      }
      expect(await db.tip.count()).toBe(before);
      const head = await fetch(`${relais.base}/tips`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    });

    it('answers in the browser’s language, with security headers', async () => {
      const response = await fetch(`${relais.base}/meetups`, { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } });
      const body = await response.text();
      expect(body).toContain('<html lang="en"');
      expect(body).toContain('<h1>Meetups</h1>');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('escapes user text in the HTML', async () => {
      const body = await (await fetch(`${relais.base}/tips?tag=securite`)).text();
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(body).not.toContain('<script');
      expect(body).toContain('par Mallory &lt;b&gt;Evil&lt;/b&gt;');
    });
  });
});
