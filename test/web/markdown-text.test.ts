import { describe, expect, it } from 'vitest';
import { mdBlock, mdInline } from '../../src/web/export/markdown-text.ts';

describe('Markdown escaping of user text', () => {
  it('keeps links, images and HTML as text', () => {
    expect(mdInline('[clic](https://evil.example) ![x](y.png) <b>gras</b>')).toBe('`[clic](https://evil.example)` \\!\\[x\\](y.png) \\<b\\>gras\\</b\\>');
  });

  it('puts what GFM would autolink in code spans, whatever backticks it holds', () => {
    expect(mdInline('voir www.example.org ou moi@example.org')).toBe('voir `www.example.org` ou `moi@example.org`');
    expect(mdInline('https://x.example/`a``b`')).toBe('``` https://x.example/`a``b` ```');
  });

  it('defuses what means something at the start of a line', () => {
    expect(mdBlock('# titre\n- liste\n1. numéro\n> citation\n===\n    code')).toBe('\\# titre  \n\\- liste  \n1\\. numéro  \n\\> citation  \n\\===  \ncode');
  });

  it('keeps line breaks and paragraphs', () => {
    expect(mdBlock('un\ndeux\n\n\ntrois\n')).toBe('un  \ndeux\n\ntrois');
  });

  it('escapes emphasis, tables and entities', () => {
    expect(mdInline('*a* _b_ | c &amp; ~d~ $x$')).toBe('\\*a\\* \\_b\\_ \\| c \\&amp; \\~d\\~ \\$x\\$');
  });
});
