/**
 * Hostile text people can type into Relais (or into a message someone saves as a tip), and the
 * arbitraries the property tests build from it.
 */
import fc from 'fast-check';

/** Mentions, markup, scripts, link tricks, invisible and direction characters, in one list. */
export const injections = [
  '<!channel>', '<!here>', '<!everyone>', '<@U0ADMIN>', '<@U0ADMIN|admin>', '<!subteam^S0123>', '<#C0FAKE>', '<#C0FAKE|general>',
  '<https://evil.example|https://gouv.fr>', '<javascript:alert(1)|clic>', '<mailto:x@evil.example|support>',
  '@room', '@ROOM', '@room:', 'Hi @room!', '@alice:fake.test', '[Alice](https://matrix.to/#/@alice:fake.test)',
  '<a href="https://matrix.to/#/@alice:fake.test">Alice</a>', '<a href="https://matrix.to/#/!room:fake.test">salon</a>',
  '<script>alert(1)</script>', '"><script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>', '<style>*{display:none}</style>', '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:msgbox(1)',
  '[clic](javascript:alert(1))', '[https://gouv.fr](https://evil.example)', '![x](https://evil.example/t.png)', '<https://evil.example>',
  '[a]: https://evil.example', '*gras* _italique_ ~barré~ `code` ```bloc```', '> citation', '&lt;!channel&gt;', '&amp;lt;script&amp;gt;',
  'a\u200Bb', '@\u200Broom', '<\u200B!channel>', '*\u200Bgras\u200B*', '\u200D\u200C\u2060\uFEFF', 'abc\u202Etxt.exe', '\u202Ehttps://evil.example',
  '\u2066\u2067\u2068\u2069', 'שלום مرحبا', '\u001b[31mrouge\u001b[0m', '\u009b31m', 'ligne1\r\nligne2\u0000', '{id}', '{{id}}', '${process.env}',
  "'; DROP TABLE \"Tip\"; --", '" OR 1=1 --', 'NEAR(a b)', '"*', 'a AND b OR NOT c', 'foo:*', "' | ! & :*",
];

/** Real arguments of the commands, so random lines also reach the deep ends of the parsers. */
const valid = [
  '1', '#1', '12', '999999999', '0', '-1', '1e3', '#outils', '#', 'jeudi', '18h30', 'jeudi 18h30', '5 décembre à 9h', 'demain', 'capacité 3',
  'places=0', 'aucune', 'oui', 'non', 'peut-être', 'withdraw', 'grant', 'revoke', 'organizer', 'moderator', 'admin', 'title', 'quand', 'lieu',
  'capacity', 'description', 'frequency', 'weekly', 'day', 'lundi', 'time', '09:00', '25:61', 'timezone', 'Europe/Paris', 'Mars/Olympus',
  'locale', 'en', 'fr', 'empty', 'skip', 'hub', 'on', 'off', 'confirm', 'nord', 'Réseau Nord', 'https://visio.example/abc', '|', '||', ' | ',
];

const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...valid) },
  { weight: 2, arbitrary: fc.constantFrom(...injections) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A line of words, separators and hostile pieces, sometimes very long. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.array(word, { maxLength: 10 }).chain((words) => fc.constantFrom(' ', '  ', '\t', '\n', ' | ', '|').map((sep) => words.join(sep))) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...valid, ...injections), fc.integer({ min: 1000, max: 6000 })).map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n)) },
);

/** 100 KB of text: mentions and markup all the way. */
export const hugeText = injections.join(' ').repeat(Math.ceil(100_000 / injections.join(' ').length)).slice(0, 100_000);
