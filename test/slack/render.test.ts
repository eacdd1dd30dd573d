import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/card.ts';
import { formatInstant } from '../../src/core/dates.ts';
import { escapeMrkdwn, stripInvisible, truncateMrkdwn } from '../../adapters/slack/escape.ts';
import { LIMITS, renderCard, renderPlainFallback } from '../../adapters/slack/render.ts';

const HOSTILE = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<!subteam^S1>', '<http://evil|click>', '<#C1>'];

/** Every text string anywhere in a rendered value (block texts, fields, button labels…). */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Slack control sequences left in mrkdwn, ignoring the ones we mint on purpose (inert delimiters, dates). */
function controlSequences(mrkdwn: string): string[] {
  return [...mrkdwn.matchAll(/<[^>]*>/g)].map((m) => m[0])
    .filter((t) => !/^<!date\^00000000\^\{_\}\|[*_~`]>$/.test(t) && !/^<!date\^\d+\^/.test(t));
}

const card = (over: Partial<Card>): Card => ({ locale: 'en', ...over });

describe('escapeMrkdwn', () => {
  it.each(HOSTILE)('makes %s inert', (hostile) => {
    const out = escapeMrkdwn(`hi ${hostile} there`);
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(out).toContain('&lt;');
  });

  it('escapes & first so entities are not double-read', () => {
    expect(escapeMrkdwn('a & b &lt; c')).toBe('a &amp; b &amp;lt; c');
  });

  it('neutralises delimiters at word edges but leaves snake_case alone', () => {
    expect(escapeMrkdwn('snake_case a*b')).toBe('snake_case a*b');
    expect(escapeMrkdwn('*bold*')).toBe('<!date^00000000^{_}|*>bold<!date^00000000^{_}|*>');
    const inert = /<!date\^00000000\^\{_\}\|[*_~`]>/g;
    expect(escapeMrkdwn('`x` ~y~ _z_').replace(inert, '')).toBe('x y z');
  });

  it('drops zero-width and bidi tricks that force formatting or spoof text', () => {
    expect(stripInvisible('a\u200B*b*\u200Bc\u202Eevil\u2066')).toBe('a*b*cevil');
    // Joiners stay inside emoji sequences…
    expect(stripInvisible('👩\u200D💻')).toBe('👩\u200D💻');
    // …but not glued to a delimiter, where they could act as a word break.
    expect(stripInvisible('x\u200D*y')).toBe('x*y');
    expect(escapeMrkdwn('a\u200B*b*\u200Bc')).toBe('a*b*c');
  });

  it('stops a leading > from quoting', () => {
    expect(escapeMrkdwn('> fake quote\n  > again')).toBe('\u00AD&gt; fake quote\n  \u00AD&gt; again');
  });
});

describe('truncateMrkdwn', () => {
  it('never cuts inside an entity, a token or a surrogate pair', () => {
    expect(truncateMrkdwn('abc &amp; def', 7)).toBe('abc …');
    expect(truncateMrkdwn('ab <!date^1^{time}|x> cd', 10)).toBe('ab …');
    expect(truncateMrkdwn('ab😀cd', 4)).toBe('ab…');
    expect(truncateMrkdwn('short', 10)).toBe('short');
  });
});

describe('renderCard', () => {
  it('renders every hostile form inert, everywhere', () => {
    const hostile = HOSTILE.join(' ') + ' & done';
    const msg = renderCard(card({
      header: [hostile],
      body: [[hostile, { strong: hostile }, { code: hostile }]],
      fields: [{ label: hostile, value: [hostile] }],
      items: [[hostile]],
      buttons: [{ actionId: 'a', value: 'v', label: hostile }],
      footer: [hostile],
    }));
    const mrkdwnTexts = texts(msg.blocks.filter((b) => b.type !== 'header' && b.type !== 'actions'));
    for (const t of mrkdwnTexts) expect(controlSequences(t)).toEqual([]);
    expect(controlSequences(msg.text)).toEqual([]);
    expect(msg.text).toContain('&lt;!channel&gt;');
    expect(msg.text).toContain('&amp; done');
  });

  it('marks every mrkdwn object verbatim so bare @here and URLs are not auto-parsed', () => {
    const msg = renderCard(card({ body: [['@here see https://x.org #general']], fields: [{ label: 'l', value: ['v'] }] }));
    const objects = JSON.stringify(msg.blocks).match(/"type":"mrkdwn"[^}]*/g) ?? [];
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(o).toContain('"verbatim":true');
  });

  it('renders dates as Slack date tokens with an escaped formatInstant fallback', () => {
    const date = new Date('2026-12-03T17:30:00Z');
    const msg = renderCard(card({ locale: 'fr', body: [['Le ', { date, timeZone: 'Europe/Paris' }]] }));
    const fallback = formatInstant(date, 'Europe/Paris', 'fr');
    expect(JSON.stringify(msg.blocks)).toContain(
      `<!date^${date.getTime() / 1000}^{date_long_pretty} {time}|${fallback}>`);
    expect(msg.text).toContain(fallback);
  });

  it('links only http(s) and mailto, with a safe label', () => {
    const body = renderCard(card({ body: [[
      { link: 'https://ex.org/a?x=1&y=|2', label: 'go <now>|*x*' }, ' ',
      { link: 'mailto:a@b.org' }, ' ',
      { link: 'javascript:alert(1)', label: 'js' },
    ]] })).blocks[0] as { text: { text: string } };
    expect(body.text.text).toContain('<https://ex.org/a?x=1&amp;y=%7C2|go &lt;now&gt;∣∗x∗>');
    expect(body.text.text).toContain('<mailto:a@b.org>');
    expect(body.text.text).toContain('js (javascript:alert(1))');
    expect(body.text.text).not.toContain('<javascript');
  });

  it('renders header, bullets, buttons and footer as the right blocks', () => {
    const msg = renderCard(card({
      header: ['Meetup ', { strong: '#12' }],
      items: [['one'], ['two']],
      buttons: [{ actionId: 'rsvp', value: 'm1', label: 'Going', style: 'primary' }, { actionId: 'no', value: 'm1', label: 'No' }],
      footer: ['id ', { code: 'm1' }],
    }));
    expect(msg.blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions', 'context']);
    expect(msg.blocks[0]).toMatchObject({ text: { type: 'plain_text', text: 'Meetup #12' } });
    expect(msg.blocks[1]).toMatchObject({ text: { text: '• one\n• two' } });
    expect(msg.blocks[2]).toMatchObject({ elements: [
      { type: 'button', action_id: 'rsvp', value: 'm1', style: 'primary', text: { type: 'plain_text', text: 'Going' } },
      { type: 'button', action_id: 'no', value: 'm1', text: { text: 'No' } },
    ] });
    expect(msg.blocks[2]).not.toHaveProperty('elements.1.style');
    expect(msg.blocks[3]).toMatchObject({ elements: [{ type: 'mrkdwn', text: 'id `m1`' }] });
  });

  it('splits more than 10 fields into several sections', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: [`v${i}`] }));
    const sections = renderCard(card({ fields })).blocks as Array<{ fields?: unknown[] }>;
    expect(sections.map((s) => s.fields?.length)).toEqual([10, 10, 3]);
    expect(sections[0]?.fields?.[0]).toEqual({ type: 'mrkdwn', text: '*L0*\nv0', verbatim: true });
  });

  it('keeps a 100 KB hostile input within every Slack limit', () => {
    const huge = '<!channel> *&_~` '.repeat(6000); // ~100 KB
    const msg = renderCard(card({
      header: [huge],
      body: Array.from({ length: 80 }, () => [huge]),
      fields: Array.from({ length: 30 }, () => ({ label: huge, value: [huge] })),
      items: [[huge]],
      buttons: [{ actionId: 'a', value: 'v', label: huge }],
      footer: [huge],
    }));
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(msg.blocks[0]?.type).toBe('header');
    expect(msg.blocks.at(-2)?.type).toBe('actions'); // buttons survive the cut
    expect(msg.blocks.at(-1)?.type).toBe('context');
    for (const block of msg.blocks) {
      const b = block as Record<string, any>;
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (b.type === 'section' && b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(10);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      }
      if (b.type === 'actions') for (const e of b.elements) expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
      // plain_text (header, button labels) is never parsed by Slack, so only mrkdwn must be inert.
      if (b.type !== 'header' && b.type !== 'actions') for (const t of texts(b)) expect(controlSequences(t)).toEqual([]);
    }
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(JSON.stringify(msg).includes('…')).toBe(true);
  });

  it('gives a plain-text fallback readable on its own', () => {
    expect(renderPlainFallback(card({
      header: ['Tip ', { strong: '#3' }], body: [['See ', { link: 'https://x.org', label: 'x' }]],
      fields: [{ label: 'By', value: ['Ana'] }], items: [['a']], footer: ['f'],
    }))).toBe('Tip #3\nSee x (https://x.org)\nBy: Ana\n• a\nf');
  });
});
