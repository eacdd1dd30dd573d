/**
 * The injection corpus stored through Relais, then read back from the running web pages: no
 * script, no event handler, no link other than http(s), mailto or Relais's own paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeetup } from '../../src/domain/meetups/service.ts';
import { startWebRelais, type WebRelais } from '../web/web-relais.ts';
import { hugeText, injections } from './corpus.ts';
import { BIDI_PROBLEM, htmlProblems } from './inspect.ts';

const hostileLinks = ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://evil.example/"><script>alert(1)</script>', '//evil.example'];

describe('web pages showing hostile data', () => {
  let relais: WebRelais;
  const pages: string[] = ['/', '/tips', '/meetups', '/networks/nord', '/tips?q=%3Cscript%3E', `/tips?q=${encodeURIComponent(injections.join(' '))}`, '/tips?tag=%22%3E%3Cscript%3E'];
  beforeAll(async () => {
    relais = await startWebRelais('sqlite');
    await relais.run('/relais network nord Réseau Nord', { channel: 'nord' });
    const { db } = relais.running;
    const organizer = await db.member.findFirstOrThrow();
    for (const [index, text] of injections.entries()) {
      const [saved] = await relais.run(`/tip add ${text} — ${text} #outils`, { channel: 'nord', user: text.slice(0, 60) || 'x' });
      const tipId = /n°(\d+)/.exec(saved ?? '')?.[1];
      if (tipId) pages.push(`/tips/${tipId}`);
      const meetup = await createMeetup(db, {
        title: `${text} titre`, description: text, place: text, onlineUrl: hostileLinks[index % hostileLinks.length]!,
        startsAt: new Date('2026-12-10T17:00:00Z'), timezone: 'Europe/Paris', capacity: 5, organizerId: organizer.id, networkId: 1, channelId: null,
      });
      pages.push(`/meetups/${meetup.id}`);
    }
    await relais.run(`/tip add ${hugeText.slice(0, 3990)}`, { channel: 'nord' });
  }, 120_000);
  afterAll(() => relais?.close());

  it('serves every page without anything executable or mis-linked', async () => {
    const found: string[] = [];
    for (const page of pages) {
      const response = await fetch(`${relais.base}${page}`);
      expect(response.status, page).toBe(200);
      const html = await response.text();
      for (const problem of htmlProblems(html).filter((problem) => problem !== BIDI_PROBLEM)) found.push(`${page}: ${problem}`);
      for (const raw of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src="https://evil.example">']) {
        if (html.includes(raw)) found.push(`${page}: raw ${raw}`);
      }
    }
    expect(found).toEqual([]);
    expect(pages.length).toBeGreaterThan(2 * injections.length);
  });

  it('lets no direction override through (see test/hostile/renderers.test.ts)', async () => {
    const overridden: string[] = [];
    for (const page of pages) if (htmlProblems(await (await fetch(`${relais.base}${page}`)).text()).includes(BIDI_PROBLEM)) overridden.push(page);
    expect(overridden).toEqual([]);
  });
});
