/**
 * The injection corpus stored through Relais (tips, meetups, names) and put straight into cards,
 * rendered by every adapter: nothing executable, pinging or mis-linked comes out.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard as renderConsole } from '../../adapters/console/render.ts';
import { renderCard as renderMatrix, renderEdit } from '../../adapters/matrix/render.ts';
import { renderCard as renderSlack } from '../../adapters/slack/render.ts';
import type { Card, Inline } from '../../src/core/card.ts';
import { createMeetup } from '../../src/domain/meetups/service.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { hugeText, injections } from './corpus.ts';
import { BIDI_PROBLEM, cardLinks, consoleProblems, matrixProblems, slackProblems } from './inspect.ts';

/** What a card's rendering leaks, on each platform; bidi controls are counted apart (see the last test). */
function allProblems(card: Card): string[] {
  const allowed = cardLinks(card);
  const matrix = renderMatrix(card);
  return [
    ...slackProblems(renderSlack(card), allowed).map((problem) => `slack: ${problem}`),
    ...matrixProblems(matrix as unknown as Record<string, unknown>, allowed).map((problem) => `matrix: ${problem}`),
    ...matrixProblems(renderEdit('$original', matrix) as unknown as Record<string, unknown>, allowed).map((problem) => `matrix edit: ${problem}`),
    ...consoleProblems(renderConsole(card)).map((problem) => `console: ${problem}`),
  ];
}

const isBidi = (problem: string) => problem.endsWith(BIDI_PROBLEM);
const problems = (card: Card) => allProblems(card).filter((problem) => !isBidi(problem));

const hostileLinks = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x',
  'https://matrix.to/#/@alice:fake.test', 'https://evil.example/a|b>c<!channel>', 'https://evil.example/\u202Egnp.exe', 'mailto:x@evil.example', 'file:///etc/passwd', '//evil.example'];

describe('cards built from hostile data, on every platform', () => {
  let h: Harness;
  const cards: Array<[string, Card]> = [];
  beforeAll(async () => {
    h = await createHarness('sqlite');
    const admin = '@admin:example.org';
    await h.run('/relais network nord Réseau Nord', { user: admin });
    const { db } = h;
    const organizer = await db.member.findFirstOrThrow();
    for (const [index, text] of injections.entries()) {
      const author = `@${text.replace(/[@:]/g, '')}:example.org`;
      await h.run(`/tip add ${text} ${text} #outils`, { user: author });
      await createMeetup(db, {
        title: `${text} titre`, description: text, place: text, onlineUrl: hostileLinks[index % hostileLinks.length]!,
        startsAt: new Date('2026-12-10T17:00:00Z'), timezone: 'Europe/Paris', capacity: 5, organizerId: organizer.id, networkId: 1, channelId: null,
      });
    }
    const lines = ['/tip list', '/tip top', '/tip search outils', '/meetup list', '/summary preview', '/relais networks', '/relais help',
      ...injections.map((_text, index) => `/tip show ${index + 1}`), ...injections.map((_text, index) => `/meetup show ${index + 1}`)];
    for (const line of lines) {
      for (const card of await h.cards(line, { user: admin })) cards.push([line, card]);
    }
    for (const text of injections.slice(0, 12)) {
      for (const card of await h.cards('/relais my-data', { user: `@${text.replace(/[@:]/g, '')}:example.org` })) cards.push(['/relais my-data', card]);
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('renders every card inertly', () => {
    expect(cards.length).toBeGreaterThan(2 * injections.length);
    const found = cards.flatMap(([line, card]) => problems(card).map((problem) => `${line}: ${problem}`));
    expect([...new Set(found)]).toEqual([]);
  });
});

describe('direction overrides', () => {
  // U+202E and friends make "exe.gnp" read "png.exe" and a URL read as another: in a label or a
  // link they mislead about where a link goes. The Slack adapter strips them from text; every
  // platform must, in labels and shown URLs alike.
  const card: Card = {
    locale: 'fr',
    body: [['Rapport \u202Eexe.fdp', { strong: '\u2066gras\u2069' }]],
    items: [[{ link: 'https://relais.example/tips/1', label: 'https://gouv.fr\u202E' }], [{ link: 'https://evil.example/\u202Egnp.exe' }]],
  };

  it('reach no reader on any platform', () => {
    expect(allProblems(card).filter(isBidi)).toEqual([]);
  });
});

describe('cards with hostile pieces everywhere', () => {
  const text = fc.oneof(fc.constantFrom(...injections), fc.string({ unit: 'binary', maxLength: 40 }));
  const piece: fc.Arbitrary<Inline> = fc.oneof(
    text,
    text.map((strong) => ({ strong })),
    text.map((code) => ({ code })),
    fc.record({ link: fc.oneof(fc.constantFrom(...hostileLinks), text, fc.constant('https://relais.example/tips/1')), label: text }),
    fc.constantFrom(...hostileLinks).map((link) => ({ link })),
  );
  const rich = fc.array(piece, { maxLength: 4 });
  const card: fc.Arbitrary<Card> = fc.record({
    locale: fc.constantFrom('fr', 'en'),
    header: rich,
    body: fc.array(rich, { maxLength: 3 }),
    fields: fc.array(fc.record({ label: text, value: rich }), { maxLength: 3 }),
    items: fc.array(rich, { maxLength: 3 }),
    buttons: fc.array(fc.record({ actionId: fc.constantFrom('meetup.rsvp.going', 'tip.vote'), value: text, label: text }), { maxLength: 3 }),
    footer: rich,
  });

  it('renders them inertly', { timeout: 300_000 }, () => {
    fc.assert(fc.property(card, (generated) => {
      expect(problems(generated)).toEqual([]);
    }), { numRuns: 1000 });
  });

  it('renders 100 KB of them inertly, and bounded', () => {
    const huge: Card = { locale: 'fr', header: [hugeText], body: [[hugeText, { strong: hugeText }, { link: 'https://relais.example/tips/1', label: hugeText }]], items: [[{ code: hugeText }]], footer: [hugeText] };
    expect(problems(huge)).toEqual([]);
    expect(JSON.stringify(renderSlack(huge)).length).toBeLessThan(60_000);
    expect(JSON.stringify(renderMatrix(huge)).length).toBeLessThan(65_536);
  });
});
