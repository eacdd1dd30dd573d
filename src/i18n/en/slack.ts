import type { slack as fr } from '../fr/slack.ts';

/** English strings of the slack part. */
export const slack: typeof fr = {};
