import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/card.ts';
import { CONTENT_MAX_BYTES, EVENT_CONTENT_MAX_BYTES, renderCard, renderEdit } from '../../adapters/matrix/render.ts';

const WJ = '\u2060';
const bytes = (o: object) => Buffer.byteLength(JSON.stringify(o), 'utf8');

describe('renderCard', () => {
  it('renders every part as an m.notice with HTML and a plain fallback', () => {
    const card: Card = {
      locale: 'en',
      header: ['Meetup ', { strong: '#12' }],
      body: [['Bring ', { code: 'laptop' }, ', see ', { link: 'https://example.org/a?b=1&c=2', label: 'the page' }]],
      fields: [{ label: 'When', value: [{ date: new Date('2026-12-03T17:30:00Z'), timeZone: 'Europe/Paris' }] }],
      items: [['first'], ['second']],
      buttons: [
        { actionId: 'rsvp', value: '1', label: '✅ going' },
        { actionId: 'rsvp', value: '2', label: '🤔 maybe' },
      ],
      footer: ['id 12'],
    };
    const c = renderCard(card);
    expect(c).toMatchObject({ msgtype: 'm.notice', format: 'org.matrix.custom.html', 'm.mentions': {} });
    expect(c.formatted_body).toBe(
      '<p><strong>Meetup <strong>#12</strong></strong></p>'
      + '<p>Bring <code>laptop</code>, see <a href="https://example.org/a?b=1&amp;c=2">the page</a></p>'
      + '<p><strong>When</strong>: Thursday, December 3, 2026 at 6:30 PM (Europe/Paris)</p>'
      + '<ul><li>first</li><li>second</li></ul>'
      + '<p>✅ going · 🤔 maybe</p>'
      + '<p><em>id 12</em></p>',
    );
    expect(c.body).toBe([
      'Meetup #12',
      'Bring `laptop`, see the page (https://example.org/a?b=1&c=2)',
      'When: Thursday, December 3, 2026 at 6:30 PM (Europe/Paris)',
      '• first\n• second',
      '✅ going · 🤔 maybe',
      'id 12',
    ].join('\n\n'));
  });

  it('writes dates out in the card locale, with French field typography', () => {
    const c = renderCard({ locale: 'fr', fields: [{ label: 'Quand', value: [{ date: new Date('2026-12-03T17:30:00Z'), timeZone: 'Europe/Paris' }] }] });
    expect(c.body).toBe('Quand : jeudi 3 décembre 2026 à 18:30 (Europe/Paris)');
  });

  it('takes the button wording from the caller, one line each', () => {
    const c = renderCard(
      { locale: 'fr', buttons: [{ actionId: 'a', value: '1', label: '✅ je viens' }, { actionId: 'a', value: '2', label: '❌ absent' }] },
      { buttonHints: (buttons, locale) => [`${locale === 'fr' ? 'Réagissez' : 'React'} ${buttons.map((b) => b.label).join(' · ')}`, 'ou tapez !x'] },
    );
    expect(c.body).toBe('Réagissez ✅ je viens · ❌ absent\n\nou tapez !x');
  });

  it('escapes hostile text everywhere', () => {
    const c = renderCard({
      locale: 'en',
      header: ['<script>alert(1)</script>'],
      body: [['<img src=x onerror="alert(1)">', { strong: '</strong><b>' }, { code: '<i>' }]],
      fields: [{ label: '<u>l</u>', value: ['"quoted" & \'single\''] }],
      buttons: [{ actionId: 'a', value: 'v', label: '<a href="javascript:x">b</a>' }],
    });
    expect(c.formatted_body).not.toMatch(/<script|<img|<i>|<u>|<b>|<a /);
    expect(c.formatted_body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(c.formatted_body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(c.formatted_body).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(c.body).toContain('<script>alert(1)</script>'); // the plain body is text, not markup
  });

  it('only links http(s) and mailto, and never makes pills', () => {
    const c = renderCard({
      locale: 'en',
      body: [
        [{ link: 'javascript:alert(1)', label: 'click' }],
        [{ link: ' JaVaScRiPt:alert(1)' }],
        [{ link: 'data:text/html,<script>1</script>', label: 'data' }],
        [{ link: 'mailto:a@example.org', label: 'mail' }],
        [{ link: 'https://matrix.to/#/@alice:example.org', label: 'Alice' }],
        [{ link: 'https://x.example/"><script>', label: 'q' }],
      ],
    });
    expect(c.formatted_body).not.toContain('javascript:');
    expect(c.formatted_body).not.toContain('JaVaScRiPt:alert(1)"');
    expect(c.formatted_body).not.toContain('href="data:');
    expect(c.formatted_body).toContain('<p>click</p>');
    expect(c.formatted_body).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(c.formatted_body).not.toContain('href="https://matrix.to');
    expect(c.formatted_body).toContain('<a href="https://x.example/%22%3E%3Cscript%3E">q</a>');
  });

  it('defuses @room in body and HTML, and declares no mentions', () => {
    const c = renderCard({
      locale: 'en',
      header: ['Hey @room'],
      body: [['@ROOM and @Room:', { strong: '@room' }, { link: 'https://e.example', label: '@room' }]],
      items: [['@alice:example.org ping']],
      buttons: [{ actionId: 'a', value: 'v', label: '@room' }],
    });
    for (const text of [c.body, c.formatted_body]) {
      expect(text).not.toMatch(/@room/i);
      expect(text).toContain(`@${WJ}room`);
    }
    expect(c['m.mentions']).toEqual({});
    expect(renderCard({ locale: 'en' })['m.mentions']).toEqual({});
  });

  it('truncates a long card with … to fit the event size budget', () => {
    const huge = '<&>é'.repeat(50_000);
    const c = renderCard({ locale: 'en', header: ['Title'], body: [[huge], ['short']], footer: ['end'] });
    expect(bytes(c)).toBeLessThanOrEqual(CONTENT_MAX_BYTES);
    expect(c.body).toContain('…');
    expect(c.body.startsWith('Title\n\n<&>é')).toBe(true);
    expect(c.body.endsWith('short\n\nend')).toBe(true);
    expect(c.formatted_body).toMatch(/^<p><strong>Title<\/strong><\/p><p>(&lt;&amp;&gt;é)+.*…<\/p>/);
  });

  it('truncates long lists too', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => [`item ${i}`]);
    const c = renderCard({ locale: 'en', items });
    expect(bytes(c)).toBeLessThanOrEqual(CONTENT_MAX_BYTES);
    expect(c.body).toContain('• item 0\n');
    expect(c.body.endsWith('• …')).toBe(true);
  });
});

describe('renderEdit', () => {
  it('wraps new content as an m.replace with a "* " fallback', () => {
    const content = renderCard({ locale: 'en', body: [['Updated <b>']] });
    expect(renderEdit('$orig', content)).toEqual({
      msgtype: 'm.notice',
      body: '* Updated <b>',
      format: 'org.matrix.custom.html',
      formatted_body: '* <p>Updated &lt;b&gt;</p>',
      'm.mentions': {},
      'm.new_content': content,
      'm.relates_to': { rel_type: 'm.replace', event_id: '$orig' },
    });
  });

  it('shrinks only the fallback when the edit would be too large', () => {
    const content = renderCard({ locale: 'en', body: [['x'.repeat(100_000)]] });
    const edit = renderEdit('$orig', content);
    expect(bytes(edit)).toBeLessThanOrEqual(EVENT_CONTENT_MAX_BYTES);
    expect(edit['m.new_content']).toBe(content);
    expect(edit.formatted_body).toBeUndefined();
    expect(edit.body.startsWith('* xxx')).toBe(true);
    expect(edit.body.endsWith('…')).toBe(true);
  });
});
