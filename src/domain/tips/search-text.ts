import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import { fold } from '../text.ts';

/** The languages tips are written in; a tip's is its channel's locale, null when unknown (both are applied). */
export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

export const isLanguage = (value: unknown): value is Language => value === 'fr' || value === 'en';

/**
 * The stem of a word, accent-free. French is stemmed before folding: its Snowball rules read the
 * accents ("partagées" → "partag", where "partagees" would give "partage"); English after.
 */
export function stem(word: string, language: Language): string {
  const key = `${language}:${word}`;
  let stemmed = stems.get(key);
  if (stemmed === undefined) {
    stemmed = language === 'fr' ? fold(frenchStem(word)) : englishStem(fold(word));
    if (stems.size >= STEMS_KEPT) stems.clear();
    stems.set(key, stemmed);
  }
  return stemmed;
}

/** Stems already computed: a knowledge base says the same words again and again (a few µs each otherwise). */
const stems = new Map<string, string>();
const STEMS_KEPT = 50_000;

const WORD = /[\p{L}\p{N}]+/gu;

/** Longer "words" are not words (hashes, URLs' pieces): indexed as they are, never stemmed. */
const STEMMED_LENGTH = 40;

export interface Word {
  /** As written, lower case (NFC), with its accents. */
  text: string;
  /** Where it is in the NFC text it was read from, and how many characters it takes there. */
  index: number;
  length: number;
}

/** Letters and digits runs of a text: everything else separates words, so no character is ever query syntax. */
export function wordsOf(text: string): Word[] {
  return [...text.normalize('NFC').matchAll(WORD)].map((match) => ({ text: match[0].toLowerCase(), index: match.index, length: match[0].length }));
}

/** A word's stems in these languages, unique; a word too long to be one is its own stem. */
function stemsOf(word: string, languages: readonly Language[]): string[] {
  return word.length > STEMMED_LENGTH ? [fold(word)] : [...new Set(languages.map((language) => stem(word, language)))];
}

/** What a word is indexed as: its folded self, then its stems in the given languages (unique). */
export function formsOf(word: string, languages: readonly Language[]): string[] {
  return [...new Set([fold(word), ...stemsOf(word, languages)])];
}

/**
 * The text stored in Tip.searchText and indexed (FTS5 on SQLite, a tsvector on PostgreSQL): every
 * word folded, followed by its stem in the tip's language (both languages when unknown). Keeping
 * the folded word lets a word being typed match as a prefix ("meetin" → "meetings", whose stem
 * is "meet"); the stem lets other forms of the word match ("partager" → "fiches partagées").
 */
export function indexedText(parts: string[], language: Language | null): string {
  const languages = language ? [language] : LANGUAGES;
  return parts
    .flatMap((part) => wordsOf(part))
    .flatMap((word) => formsOf(word.text, languages))
    .join(' ');
}

/** How much of a query is read: more words only narrow the results further. */
export const MAX_QUERY_WORDS = 12;

export interface QueryWord {
  /** Folded, as typed. */
  word: string;
  /**
   * Its stems in both languages, whatever the tip's language (a French word in an English tip was
   * stemmed in English): every tip having the word, or another form of it, has one of them indexed.
   */
  stems: string[];
}

/** A query's words: letters and digits runs, unique, at most MAX_QUERY_WORDS. */
export function queryWords(query: string): QueryWord[] {
  const words = new Map<string, QueryWord>();
  for (const { text } of wordsOf(query)) {
    const word = fold(text);
    if (!words.has(word)) words.set(word, { word, stems: stemsOf(text, LANGUAGES) });
  }
  return [...words.values()].slice(0, MAX_QUERY_WORDS);
}

/** Forms of a word being typed to match as prefixes: itself and its stems, those no other one already starts. */
export function prefixForms({ word, stems }: QueryWord): string[] {
  const forms = [...new Set([word, ...stems])];
  return forms.filter((form) => !forms.some((other) => other.length < form.length && form.startsWith(other)));
}
