import type { tags as fr } from '../fr/tags.ts';

/** English strings of tags and their merges. */
export const tags: typeof fr = {
  merged: {
    one: '#{from} merged into #{into}: {count} tip moved; #{from} now leads to #{into}.',
    other: '#{from} merged into #{into}: {count} tips moved; #{from} now leads to #{into}.',
  },
  relabelled: { one: 'The tag is now written #{into} ({count} tip).', other: 'The tag is now written #{into} ({count} tips).' },
  errors: {
    tooMany: 'Too many tags: {count}, at most {max}. Remove a few.',
    tooLong: 'The tag #{tag} is too long: {max} characters at most.',
    invalid: '“{tag}” is not a tag: letters, digits, “-” and “_” only.',
    unknown: 'No tip has the tag #{tag}.',
    sameTag: '#{tag} is already written so: nothing to merge.',
    alreadyMerged: '#{into} was already merged into #{from}.',
  },
};
