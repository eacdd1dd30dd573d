/**
 * The wikitext escaping on its own, for any text (the suite against a real MediaWiki,
 * test/integrations, checks what the wiki then shows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { externalLink, wikiBlock, wikiInline, wikiUrl } from '../../src/publish/mediawiki/wikitext.ts';
import { hostileText } from '../hostile/corpus.ts';

/** Once its character references are taken out, no character MediaWiki reads as markup is left. */
const markup = /[{}[\]<>|~'"=!:;&]|__|ISBN\s|RFC\s|PMID\s/;
const withoutReferences = (text: string) => text.replace(/&#\d+;/g, '');
/** What a line may not start with once escaped (our own <br /> aside). */
const lineStart = /^[*#:; \t-]/;

describe('wikitext of what members typed', () => {
  it('holds no markup character, at any place, for any text', () => {
    fc.assert(fc.property(hostileText, (text) => {
      for (const escaped of [wikiInline(text), wikiBlock(text).replace(/<br \/>\n/g, '\n')]) {
        expect(withoutReferences(escaped)).not.toMatch(markup);
        for (const line of escaped.split('\n')) expect(line).not.toMatch(lineStart);
      }
    }), { numRuns: 500 });
  });

  it('keeps paragraphs and line breaks as the author wrote them', () => {
    expect(wikiBlock('Ligne 1\r\nLigne 2\n\n\nParagraphe 2\n  retrait')).toBe('Ligne 1<br />\nLigne 2\n\nParagraphe 2<br />\n&#32; retrait');
  });

  it('links only http(s) addresses, percent-encoding what the wikitext around would read', () => {
    expect(wikiUrl('javascript:alert(1)')).toBeUndefined();
    expect(wikiUrl('not a url')).toBeUndefined();
    expect(wikiUrl("https://example.org/a_b/{{x}}?q='~'|]")).toBe('https://example.org/a%5Fb/%7B%7Bx%7D%7D?q=%27%7E%27%7C%5D');
    expect(externalLink('https://example.org/x', 'le [message] d’origine')).toBe('[https://example.org/x le &#91;message&#93; d’origine]');
    expect(externalLink('ftp://example.org/x', 'source')).toBe('source');
  });
});
