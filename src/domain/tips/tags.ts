import { fold } from '../text.ts';

const hashtag = /(^|\s)#([\p{L}\p{N}_-]{1,40})/gu;

/** "#Outils #réunions" → ["outils", "reunions"]: folded, unique, in order of appearance. */
export function extractTags(text: string): string[] {
  const tags = [...text.matchAll(hashtag)].map((match) => fold(match[2] ?? ''));
  return [...new Set(tags)].slice(0, 10);
}

/** The text without its trailing hashtags, e.g. for a title. */
export function withoutTrailingTags(text: string): string {
  return text.replace(/(\s+#[\p{L}\p{N}_-]+)+\s*$/u, '').trim();
}

export function normaliseTag(tag: string): string {
  return fold(tag.replace(/^#/, ''));
}
