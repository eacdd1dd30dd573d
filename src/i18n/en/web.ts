import type { web as fr } from '../fr/web.ts';

/** English strings of the web part. */
export const web: typeof fr = {};
